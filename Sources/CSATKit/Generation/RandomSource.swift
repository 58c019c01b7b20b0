#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small, seedable pseudo-random generator: xoshiro256** seeded through splitmix64.
///
/// Swift's system generator cannot be seeded, and the generator's output must be the same
/// bytes on every run, so every draw in the generator comes from one of these. Each chunk of
/// rows gets its own `RandomSource` derived from the seed and the chunk number, which keeps
/// the output independent of how many threads produce it.
struct RandomSource {
  private var state0: UInt64
  private var state1: UInt64
  private var state2: UInt64
  private var state3: UInt64
  /// The second value of the last Box–Muller pair, handed out by the next `gaussian()`.
  private var spareGaussian: Double?

  /// A generator whose whole state follows from `seed`.
  init(seed: UInt64) {
    var mixer = seed
    state0 = RandomSource.splitMix(&mixer)
    state1 = RandomSource.splitMix(&mixer)
    state2 = RandomSource.splitMix(&mixer)
    state3 = RandomSource.splitMix(&mixer)
    spareGaussian = nil
  }

  /// A generator for one numbered stream (a chunk of rows) of the sequence named by `seed`.
  init(seed: UInt64, stream: UInt64) {
    var mixer = seed ^ 0x6A09_E667_F3BC_C908
    let base = RandomSource.splitMix(&mixer)
    self.init(seed: base &+ stream &* 0x9E37_79B9_7F4A_7C15)
  }

  /// One step of splitmix64: advances `state` and returns a well-mixed 64-bit value.
  static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return mix(state)
  }

  /// The splitmix64 finaliser: a bijection of 64-bit values with good avalanche.
  static func mix(_ value: UInt64) -> UInt64 {
    var bits = value
    bits = (bits ^ (bits >> 30)) &* 0xBF58_476D_1CE4_E5B9
    bits = (bits ^ (bits >> 27)) &* 0x94D0_49BB_1331_11EB
    return bits ^ (bits >> 31)
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    let result = rotateLeft(state1 &* 5, by: 7) &* 9
    let shifted = state1 << 17
    state2 ^= state0
    state3 ^= state1
    state1 ^= state2
    state0 ^= state3
    state2 ^= shifted
    state3 = rotateLeft(state3, by: 45)
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform integer in 0..<count (count > 0), by multiply-high; bias is below 2⁻³².
  mutating func below(_ count: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(count)).high)
  }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// A standard normal value, by Marsaglia's polar method (two values per accepted pair).
  mutating func gaussian() -> Double {
    if let spare = spareGaussian {
      spareGaussian = nil
      return spare
    }
    while true {
      let x = 2 * unit() - 1
      let y = 2 * unit() - 1
      let radiusSquared = x * x + y * y
      guard radiusSquared < 1 && radiusSquared > 0 else { continue }

      let factor = (-2 * log(radiusSquared) / radiusSquared).squareRoot()
      spareGaussian = y * factor
      return x * factor
    }
  }

  /// A log-normal value whose logarithm has mean `mu` and standard deviation `sigma`.
  mutating func logNormal(mu: Double, sigma: Double) -> Double {
    exp(mu + sigma * gaussian())
  }

  private func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
    (value << count) | (value >> (64 - count))
  }
}
