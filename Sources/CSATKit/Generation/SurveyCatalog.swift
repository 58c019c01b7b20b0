/// The fixed world the generator draws from: products, regions, customer types,
/// interaction types and channels, each with a popularity weight and an effect on the
/// latent satisfaction score.
///
/// None of this depends on the seed: the seed only changes which rows are drawn. Effects are
/// in units of the latent score, whose noise has a standard deviation of 1.
enum SurveyCatalog {
  /// A value of one column with how often it is drawn and how it moves satisfaction.
  struct Entry {
    var name: String
    var weight: Double
    var effect: Double
  }

  /// A region with its own countries (weighted) and its effect on satisfaction.
  struct Region {
    var name: String
    var weight: Double
    var effect: Double
    var countries: [(name: String, weight: Double)]
  }

  /// A contact channel with the log-normal shape of its response time in minutes.
  struct Channel {
    var name: String
    var weight: Double
    var effect: Double
    var medianMinutes: Double
    var spread: Double
  }

  /// The product hit by the incident, and the incident's days (the end is exclusive).
  static let incidentProduct = "Cloud Backup, Business"
  static let incidentStart = CivilDate(year: 2026, month: 10, day: 20)
  static let incidentEnd = CivilDate(year: 2026, month: 11, day: 10)
  static let incidentEffect = -0.95
  /// On incident days, the share of all contacts that are about the failing product on top
  /// of its usual share (an outage floods support), and how many of those are technical.
  static let incidentSurge = 0.25
  static let incidentTechnicalShare = 0.6

  // MARK: - Products

  /// Forty products; several names need CSV quoting or carry non-ASCII letters.
  static let products: [Entry] = [
    Entry(name: "Widget Pro", weight: 9.5, effect: 0.12),
    Entry(name: "Widget Mini", weight: 6.5, effect: 0.18),
    Entry(name: "Acme CRM Starter", weight: 8.0, effect: 0.08),
    Entry(name: "Acme CRM Enterprise", weight: 6.0, effect: -0.12),
    Entry(name: "Cloud Backup, Business", weight: 6.0, effect: -0.05),
    Entry(name: "Cloud Backup, Home", weight: 4.0, effect: 0.15),
    Entry(name: "Router \"Kestrel\" AX6", weight: 4.0, effect: -0.22),
    Entry(name: "Mesh Wi-Fi \"Halo\" 3-Pack", weight: 3.5, effect: -0.35),
    Entry(name: "Standing Desk S2", weight: 3.0, effect: 0.25),
    Entry(name: "Service Desk Suite", weight: 3.0, effect: 0.0),
    Entry(name: "Invoice Studio", weight: 3.0, effect: 0.2),
    Entry(name: "Payroll & HR Plus", weight: 2.8, effect: -0.15),
    Entry(name: "Insights Cloud", weight: 2.6, effect: 0.1),
    Entry(name: "Field Crew App", weight: 2.4, effect: -0.05),
    Entry(name: "Campaigns: Email Lite", weight: 2.2, effect: 0.1),
    Entry(name: "VoIP Gateway VG-2", weight: 1.9, effect: -0.4),
    Entry(name: "Doorbell Camera 4K", weight: 1.8, effect: 0.05),
    Entry(name: "Café POS Terminal", weight: 1.7, effect: 0.15),
    Entry(name: "Zoë Smart Speaker", weight: 1.6, effect: 0.3),
    Entry(name: "Data Bridge Connector", weight: 1.5, effect: -0.25),
    Entry(name: "Mobile SDK", weight: 1.4, effect: -0.1),
    Entry(name: "Identity & Access Hub", weight: 1.3, effect: 0.0),
    Entry(name: "Fleet Tracker", weight: 1.2, effect: 0.1),
    Entry(name: "Thermostat Nest-Lite T4", weight: 1.2, effect: 0.2),
    Entry(name: "Handheld Scanner HS-9", weight: 1.1, effect: -0.05),
    Entry(name: "E-Signature", weight: 1.0, effect: 0.25),
    Entry(name: "Contract Vault", weight: 1.0, effect: 0.0),
    Entry(name: "Help Center Builder", weight: 0.9, effect: 0.1),
    Entry(name: "Live Chat Widget", weight: 0.9, effect: 0.05),
    Entry(name: "Contact Center Cloud", weight: 0.8, effect: -0.2),
    Entry(name: "NoteBook 14\" Laptop", weight: 0.8, effect: 0.0),
    Entry(name: "Curved 34\" Monitor", weight: 0.7, effect: 0.15),
    Entry(name: "LaserJet Office 500", weight: 0.7, effect: -0.5),
    Entry(name: "Stock Keeper", weight: 0.6, effect: 0.0),
    Entry(name: "Recurring Billing", weight: 0.6, effect: -0.1),
    Entry(name: "Self-Service Portal", weight: 0.5, effect: 0.05),
    Entry(name: "API Gateway", weight: 0.5, effect: 0.0),
    Entry(name: "Training: Admin Basics", weight: 0.4, effect: 0.35),
    Entry(name: "Premium Support (24/7)", weight: 0.4, effect: 0.4),
    Entry(name: "Extended Warranty (3 yr)", weight: 0.3, effect: -0.3),
  ]

  // MARK: - Regions

  /// Twelve sales regions; each customer lives in one region and one of its countries.
  static let regions: [Region] = [
    Region(
      name: "North America East", weight: 14, effect: 0.05,
      countries: [("United States", 8), ("Canada", 2)]),
    Region(
      name: "North America West", weight: 11, effect: 0.0,
      countries: [("United States", 8), ("Canada", 1.5), ("Mexico", 0.5)]),
    Region(
      name: "Latin America", weight: 7, effect: 0.1,
      countries: [("Brazil", 5), ("Mexico", 3), ("Argentina", 1.5), ("Chile", 1), ("Colombia", 1)]),
    Region(
      name: "UK & Ireland", weight: 9, effect: -0.05,
      countries: [("United Kingdom", 6), ("Ireland", 1)]),
    Region(
      name: "DACH", weight: 9, effect: -0.15,
      countries: [("Germany", 6), ("Austria", 1), ("Switzerland", 1.5)]),
    Region(
      name: "Nordics", weight: 5, effect: 0.0,
      countries: [("Sweden", 2), ("Norway", 1.3), ("Denmark", 1.2), ("Finland", 1)]),
    Region(
      name: "Southern Europe", weight: 7, effect: 0.05,
      countries: [("Spain", 3), ("Italy", 3), ("Portugal", 1), ("Greece", 0.6)]),
    Region(
      name: "France & Benelux", weight: 8, effect: -0.1,
      countries: [("France", 5), ("Belgium", 1.2), ("Netherlands", 2), ("Luxembourg", 0.2)]),
    Region(
      name: "Middle East & Africa", weight: 6, effect: 0.15,
      countries: [
        ("United Arab Emirates", 2), ("Saudi Arabia", 1.5), ("South Africa", 1.5),
        ("Nigeria", 1), ("Côte d'Ivoire", 0.3), ("Türkiye", 1.2),
      ]),
    Region(
      name: "India & South Asia", weight: 8, effect: 0.2,
      countries: [("India", 8), ("Sri Lanka", 0.5), ("Bangladesh", 0.7)]),
    Region(
      name: "East Asia", weight: 8, effect: -0.25,
      countries: [("Japan", 4), ("South Korea", 2), ("Taiwan", 1), ("China", 2)]),
    Region(
      name: "Southeast Asia & Oceania", weight: 8, effect: 0.05,
      countries: [
        ("Australia", 3), ("Singapore", 1.5), ("New Zealand", 0.8), ("Indonesia", 1.5),
        ("Philippines", 1.5),
      ]),
  ]

  // MARK: - Customers, interactions and channels

  /// Customer segments; enterprise customers are the hardest to please.
  static let customerTypes: [Entry] = [
    Entry(name: "new", weight: 20, effect: 0.05),
    Entry(name: "returning", weight: 45, effect: 0.1),
    Entry(name: "enterprise", weight: 10, effect: -0.2),
    Entry(name: "smb", weight: 25, effect: 0.0),
  ]

  /// What the contact was about; technical support is the least pleasant.
  static let interactions: [Entry] = [
    Entry(name: "purchase", weight: 18, effect: 0.25),
    Entry(name: "support", weight: 30, effect: -0.1),
    Entry(name: "onboarding", weight: 10, effect: 0.1),
    Entry(name: "renewal", weight: 8, effect: 0.0),
    Entry(name: "general inquiry", weight: 14, effect: 0.15),
    Entry(name: "technical support", weight: 20, effect: -0.35),
  ]

  /// The index of "technical support" in `interactions`; it takes longer to resolve.
  static let technicalSupportIndex = 5
  static let technicalSupportSlowdown = 1.6

  /// Contact channels: chat and phone answer in minutes, email and web in hours.
  static let channels: [Channel] = [
    Channel(name: "email", weight: 32, effect: -0.1, medianMinutes: 300, spread: 1.0),
    Channel(name: "chat", weight: 30, effect: 0.1, medianMinutes: 3, spread: 0.8),
    Channel(name: "phone", weight: 23, effect: 0.05, medianMinutes: 9, spread: 0.7),
    Channel(name: "web", weight: 15, effect: -0.05, medianMinutes: 240, spread: 1.1),
  ]
}
