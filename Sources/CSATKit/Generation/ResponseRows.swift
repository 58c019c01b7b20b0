#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Draws and writes consecutive rows of one export, chunk by chunk.
///
/// Each response gets one latent satisfaction score: a base, plus the effects of its rep,
/// product, interaction type, channel, customer type and region, minus a penalty that grows
/// with the response time, plus a slow upward trend, the incident when it applies, and
/// normal noise. The CSAT and NPS answers, the follow-up and the comment's mood all follow
/// from that score, so segments differ for real reasons.
struct ResponseRows {
  static let baseScore = 1.3
  /// Per unit of `log(1 + minutes / 30)`.
  static let waitPenalty = 0.22
  /// Gained over the whole window.
  static let trend = 0.15
  /// Latent scores above which CSAT is 5, 4, 3 and 2; anything lower is 1.
  static let csatThresholds = (five: 1.25, four: 0.2, three: -0.55, two: -1.2)
  /// Skew of customer activity: rank = count × u^skew, so low ranks answer most often.
  static let customerSkew = 1.6

  let world: SurveyWorld
  let timeline: ResponseTimeline
  let totalRows: Int
  let customerCount: Int
  /// A multiplier coprime with `customerCount` and an offset, which together scatter the
  /// busiest customers over the ids.
  let customerStride: Int
  let customerOffset: Int

  init(world: SurveyWorld, timeline: ResponseTimeline, totalRows: Int) {
    self.world = world
    self.timeline = timeline
    self.totalRows = totalRows
    customerCount = max(500, totalRows / 5)
    var stride = 7919
    while ResponseRows.greatestCommonDivisor(stride, customerCount) != 1 { stride += 2 }
    customerStride = stride
    customerOffset = customerCount / 3
  }

  /// The most bytes any row of this export can take.
  var maxRowBytes: Int {
    world.maxTextBytes + String(totalRows).utf8.count + max(7, String(customerCount).utf8.count)
  }

  /// The CSV bytes of rows `rows` (0-based), drawn from `random`.
  func bytes(for rows: Range<Int>, random: RandomSource) -> [UInt8] {
    guard !rows.isEmpty else { return [] }

    let capacity = rows.count * maxRowBytes
    return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
      // The buffer's base address is non-nil because capacity > 0.
      guard let base = buffer.baseAddress else { return }

      world.text.bytes.withUnsafeBufferPointer { arena in
        timeline.dayPrefixes.withUnsafeBufferPointer { prefixes in
          guard let arenaBase = arena.baseAddress, let prefixBase = prefixes.baseAddress
          else { return }

          var cursor = RowWriter(base)
          var random = random
          writeRows(
            rows, to: &cursor, random: &random, arena: arenaBase, dayPrefixes: prefixBase)
          initialized = cursor.pointer - base
        }
      }
    }
  }

  // MARK: - The row loop

  private func writeRows(
    _ rows: Range<Int>, to cursor: inout RowWriter, random: inout RandomSource,
    arena: UnsafePointer<UInt8>, dayPrefixes: UnsafePointer<UInt8>
  ) {
    let hourTotals = timeline.hourTotals
    let lastHour = hourTotals.count - 1
    let scale = hourTotals[lastHour] / Double(totalRows)
    let dayCount = Double(timeline.dayCount)
    var hour = timeline.hour(reaching: Double(rows.lowerBound) * scale)

    for row in rows {
      // When: stratified inverse of the hour weights, so rows stay in time order.
      let target = (Double(row) + random.unit()) * scale
      while hour < lastHour && hourTotals[hour] <= target { hour += 1 }
      let hourStart = hour == 0 ? 0 : hourTotals[hour - 1]
      let fraction = max(0, target - hourStart) / (hourTotals[hour] - hourStart)
      let second = min(3599, Int(fraction * 3600))
      let day = hour / 24

      // Who: a skewed customer whose type, region and country follow from its number.
      let rank = Int(Double(customerCount) * pow(random.unit(), ResponseRows.customerSkew))
      let customer = (rank * customerStride + customerOffset) % customerCount + 1
      let traits = RandomSource.mix(UInt64(customer) ^ 0x5EED_C0FF_EE00_0000)
      let customerType = world.customerTypeChoice.index(at: ResponseRows.fraction(traits, 0))
      let region = world.regionChoice.index(at: ResponseRows.fraction(traits, 21))
      let country =
        world.countryRanges[region].lowerBound
        + world.countryChoices[region].index(at: ResponseRows.fraction(traits, 42))

      // What and how: product, interaction, channel and the rep who answered.
      var product = world.productChoice.index(at: random.unit())
      var interaction = world.interactionChoice.index(at: random.unit())
      let duringIncident = timeline.incidentDays.contains(day)
      if duringIncident && random.chance(SurveyCatalog.incidentSurge) {
        product = world.incidentProduct
        if random.chance(SurveyCatalog.incidentTechnicalShare) {
          interaction = SurveyCatalog.technicalSupportIndex
        }
      }
      let channel = world.channelChoice.index(at: random.unit())
      let rep: Int
      if random.chance(0.85) {
        let local = world.repRanges[region]
        rep = world.repsByRegion[local.lowerBound + random.below(local.count)]
      } else {
        rep = random.below(world.reps.count)
      }
      var minutes = random.logNormal(
        mu: world.channelLogMedian[channel], sigma: world.channelSpread[channel])
      if interaction == SurveyCatalog.technicalSupportIndex {
        minutes *= SurveyCatalog.technicalSupportSlowdown
      }

      // How they felt.
      var score =
        ResponseRows.baseScore + world.reps[rep].quality + world.products[product].effect
        + world.interactions[interaction].effect + world.channels[channel].effect
        + world.customerTypes[customerType].effect + world.regions[region].effect
        - ResponseRows.waitPenalty * log1p(minutes / 30)
        + ResponseRows.trend * Double(day) / dayCount + random.gaussian()
      if product == world.incidentProduct && duringIncident {
        score += SurveyCatalog.incidentEffect
      }
      let csat = ResponseRows.csat(for: score)
      let nps = ResponseRows.nps(for: score + 0.7 * random.gaussian())
      let skippedCsat = random.chance(0.12)
      // Half of those who skip CSAT skip NPS too; overall about 22 % skip NPS.
      let skippedNps = random.chance(skippedCsat ? 0.5 : 0.182)
      let unhappy = csat <= 2 || nps <= 6
      let followedUp = random.chance(unhappy ? world.reps[rep].diligence : 0.1)

      cursor.putDecimal(row + 1)
      cursor.put(UInt8(ascii: ","))
      cursor.put(ByteSpan(start: Int32(day * 11), count: 11), from: dayPrefixes)
      cursor.putTwoDigits(hour - day * 24)
      cursor.put(UInt8(ascii: ":"))
      cursor.putTwoDigits(second / 60)
      cursor.put(UInt8(ascii: ":"))
      cursor.putTwoDigits(second % 60)
      cursor.put(UInt8(ascii: "Z"))
      cursor.put(UInt8(ascii: ","))
      cursor.put(UInt8(ascii: "C"))
      cursor.put(UInt8(ascii: "U"))
      cursor.put(UInt8(ascii: "S"))
      cursor.put(UInt8(ascii: "T"))
      cursor.put(UInt8(ascii: "-"))
      cursor.putDecimal(customer, minimumDigits: 7)
      cursor.putField(world.customerTypes[customerType].field, from: arena)
      cursor.putField(world.regions[region].field, from: arena)
      cursor.putField(world.countries[country], from: arena)
      cursor.putField(world.products[product].field, from: arena)
      cursor.putField(world.interactions[interaction].field, from: arena)
      cursor.putField(world.channels[channel].field, from: arena)
      cursor.putField(world.reps[rep].field, from: arena)
      cursor.put(UInt8(ascii: ","))
      if !skippedCsat { cursor.putDecimal(csat) }
      cursor.put(UInt8(ascii: ","))
      if !skippedNps { cursor.putDecimal(nps) }
      cursor.put(UInt8(ascii: ","))
      cursor.putDecimal(Int(minutes))
      cursor.put(UInt8(ascii: ","))
      cursor.put(followedUp ? world.trueField : world.falseField, from: arena)
      cursor.put(UInt8(ascii: ","))
      if random.chance(0.45) {
        writeComment(score: score, to: &cursor, random: &random, arena: arena)
      }
      cursor.put(10)
    }
  }

  /// Writes a comment whose mood follows the latent score, with an optional tail.
  private func writeComment(
    score: Double, to cursor: inout RowWriter, random: inout RandomSource,
    arena: UnsafePointer<UInt8>
  ) {
    let mood =
      score > SurveyPhrases.positiveAbove ? 0 : score > SurveyPhrases.negativeBelow ? 1 : 2
    let phrases = world.comments[mood]
    let phrase = phrases[random.below(phrases.count)]
    let tail = random.below(world.tailRanges.count)
    let quoted = phrase.needsQuoting || world.tailNeedsQuoting[tail]

    if quoted { cursor.put(UInt8(ascii: "\"")) }
    cursor.put(phrase.text, from: arena)
    for piece in world.tailPieces[world.tailRanges[tail]] {
      switch piece {
      case .text(let span): cursor.put(span, from: arena)
      case .ticket: cursor.putDecimal(100_000 + random.below(900_000))
      case .caseNumber: cursor.putDecimal(2 + random.below(98))
      case .signature:
        cursor.put(world.signatures[random.below(world.signatures.count)], from: arena)
      }
    }
    if quoted { cursor.put(UInt8(ascii: "\"")) }
  }

  // MARK: - Scores

  /// The 1–5 satisfaction answer for a latent score.
  static func csat(for score: Double) -> Int {
    let limits = csatThresholds
    if score > limits.five { return 5 }
    if score > limits.four { return 4 }
    if score > limits.three { return 3 }
    return score > limits.two ? 2 : 1
  }

  /// The 0–10 recommendation answer for a (noisier) latent score.
  static func nps(for score: Double) -> Int {
    let scaled = (6.6 + 2.1 * score + 0.5).rounded(.down)
    return Int(min(10, max(0, scaled)))
  }

  /// 21 bits of `bits` from bit `shift`, as a fraction in [0, 1).
  static func fraction(_ bits: UInt64, _ shift: UInt64) -> Double {
    Double((bits >> shift) & 0x1F_FFFF) * 0x1.0p-21
  }

  static func greatestCommonDivisor(_ first: Int, _ second: Int) -> Int {
    var (a, b) = (first, second)
    while b != 0 { (a, b) = (b, a % b) }
    return a
  }
}
