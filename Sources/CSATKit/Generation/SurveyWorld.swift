#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The catalog turned into flat tables ready for the row loop: encoded names, effects and
/// weighted choices for every column, plus the 200 reps with their quality and diligence.
///
/// Built once per generator. The reps come from a fixed world seed, so rep names and
/// qualities are the same whatever seed the rows are drawn with.
struct SurveyWorld {
  /// One dimension value: its CSV-ready bytes and its effect on the latent score.
  struct Value {
    var field: ByteSpan
    var effect: Double
  }

  /// One support rep.
  struct Rep {
    var field: ByteSpan
    /// Added to the latent score of every response the rep handles.
    var quality: Double
    /// The chance that the rep follows up an unhappy customer.
    var diligence: Double
  }

  /// A comment part: escaped bytes and whether the comment must then be quoted.
  struct Phrase {
    var text: ByteSpan
    var needsQuoting: Bool
  }

  /// One piece of an encoded comment tail.
  enum TailPiece {
    case text(ByteSpan)
    case ticket
    case caseNumber
    case signature
  }

  static let repCount = 200
  static let worldSeed: UInt64 = 2_026_11_30

  var text = EncodedText()
  var products: [Value] = []
  var productChoice: WeightedChoice
  var incidentProduct = 0
  var regions: [Value] = []
  var regionChoice: WeightedChoice
  /// Countries of all regions, one after another; `countryRanges[region]` finds a region's.
  var countries: [ByteSpan] = []
  var countryRanges: [Range<Int>] = []
  var countryChoices: [WeightedChoice] = []
  var customerTypes: [Value] = []
  var customerTypeChoice: WeightedChoice
  var interactions: [Value] = []
  var interactionChoice: WeightedChoice
  var channels: [Value] = []
  var channelChoice: WeightedChoice
  /// Natural logarithm of each channel's median response time in minutes.
  var channelLogMedian: [Double] = []
  var channelSpread: [Double] = []
  var reps: [Rep] = []
  /// Rep indices grouped by home region; `repRanges[region]` finds a region's.
  var repsByRegion: [Int] = []
  var repRanges: [Range<Int>] = []
  /// Positive, neutral and negative comments, in that order.
  var comments: [[Phrase]] = []
  /// Comment tails, one after another; `tailRanges[tail]` finds a tail's pieces.
  var tailPieces: [TailPiece] = []
  var tailRanges: [Range<Int>] = []
  var tailNeedsQuoting: [Bool] = []
  var signatures: [ByteSpan] = []
  var trueField = ByteSpan(start: 0, count: 0)
  var falseField = ByteSpan(start: 0, count: 0)
  /// An upper bound on the bytes of one row, without its response id and customer number.
  var maxTextBytes = 0

  init() {
    productChoice = WeightedChoice(weights: SurveyCatalog.products.map(\.weight))
    regionChoice = WeightedChoice(weights: SurveyCatalog.regions.map(\.weight))
    customerTypeChoice = WeightedChoice(weights: SurveyCatalog.customerTypes.map(\.weight))
    interactionChoice = WeightedChoice(weights: SurveyCatalog.interactions.map(\.weight))
    channelChoice = WeightedChoice(weights: SurveyCatalog.channels.map(\.weight))

    products = encode(SurveyCatalog.products)
    incidentProduct =
      SurveyCatalog.products.firstIndex { $0.name == SurveyCatalog.incidentProduct } ?? 0
    customerTypes = encode(SurveyCatalog.customerTypes)
    interactions = encode(SurveyCatalog.interactions)
    for channel in SurveyCatalog.channels {
      channels.append(Value(field: text.addField(channel.name), effect: channel.effect))
      channelLogMedian.append(log(channel.medianMinutes))
      channelSpread.append(channel.spread)
    }
    for region in SurveyCatalog.regions {
      regions.append(Value(field: text.addField(region.name), effect: region.effect))
      let first = countries.count
      countries += region.countries.map { text.addField($0.name) }
      countryRanges.append(first..<countries.count)
      countryChoices.append(WeightedChoice(weights: region.countries.map(\.weight)))
    }
    trueField = text.add("true")
    falseField = text.add("false")
    hireReps()
    encodeComments()
    maxTextBytes = measureLongestRow()
  }

  private mutating func encode(_ entries: [SurveyCatalog.Entry]) -> [Value] {
    entries.map { Value(field: text.addField($0.name), effect: $0.effect) }
  }

  // MARK: - Reps

  /// Draws 200 distinct rep names, each with a quality and a follow-up diligence, and
  /// spreads them over the regions in turn.
  private mutating func hireReps() {
    var random = RandomSource(seed: SurveyWorld.worldSeed)
    let firstNames = SurveyPhrases.firstNames
    let lastNames = SurveyPhrases.lastNames
    var taken = Set<String>()
    while reps.count < SurveyWorld.repCount {
      let name =
        firstNames[random.below(firstNames.count)] + " " + lastNames[random.below(lastNames.count)]
      guard taken.insert(name).inserted else { continue }

      var quality = 0.3 * random.gaussian()
      let standout = random.unit()
      if standout < 0.05 {
        quality -= 0.65  // a few reps who clearly struggle
      } else if standout < 0.09 {
        quality += 0.4  // and a few stars
      }
      let diligence = min(0.95, max(0.05, 0.6 + 0.2 * random.gaussian()))
      reps.append(Rep(field: text.addField(name), quality: quality, diligence: diligence))
    }

    let regionCount = SurveyCatalog.regions.count
    for region in 0..<regionCount {
      let first = repsByRegion.count
      repsByRegion += stride(from: region, to: reps.count, by: regionCount)
      repRanges.append(first..<repsByRegion.count)
    }
  }

  // MARK: - Comments

  private mutating func encodeComments() {
    for mood in [SurveyPhrases.positive, SurveyPhrases.neutral, SurveyPhrases.negative] {
      comments.append(
        mood.map {
          Phrase(text: text.addEscaped($0), needsQuoting: EncodedText.needsQuoting($0))
        })
    }
    for tail in SurveyPhrases.tails {
      let first = tailPieces.count
      var needsQuoting = false
      for piece in tail {
        switch piece {
        case .text(let words):
          needsQuoting = needsQuoting || EncodedText.needsQuoting(words)
          tailPieces.append(.text(text.addEscaped(words)))
        case .ticket: tailPieces.append(.ticket)
        case .caseNumber: tailPieces.append(.caseNumber)
        case .signature: tailPieces.append(.signature)
        }
      }
      tailRanges.append(first..<tailPieces.count)
      tailNeedsQuoting.append(needsQuoting)
    }
    // A signature never needs quoting itself; the tail it sits in decides.
    signatures = SurveyPhrases.firstNames.map { text.addEscaped($0) }
  }

  /// Bytes that bound any row, from the longest value of each text column; numbers are
  /// added by the caller, who knows how many rows and customers there are.
  private func measureLongestRow() -> Int {
    func longest(_ spans: [ByteSpan]) -> Int { Int(spans.map(\.count).max() ?? 0) }

    var total = 0
    total += longest(customerTypes.map(\.field)) + longest(regions.map(\.field))
    total += longest(countries) + longest(products.map(\.field))
    total += longest(interactions.map(\.field)) + longest(channels.map(\.field))
    total += longest(reps.map(\.field)) + longest([trueField, falseField])
    let longestPhrase = comments.joined().map { Int($0.text.count) }.max() ?? 0
    let longestTail =
      tailRanges.map { range in
        tailPieces[range].reduce(0) { sum, piece in
          switch piece {
          case .text(let span): sum + Int(span.count)
          case .ticket, .caseNumber: sum + 20
          case .signature: sum + longest(signatures)
          }
        }
      }.max() ?? 0
    total += 2 + longestPhrase + longestTail
    // Timestamp, "CUST-", two scores, the minutes, 14 commas and the newline, with room.
    return total + 21 + 5 + 2 + 2 + 20 + 15 + 16
  }
}
