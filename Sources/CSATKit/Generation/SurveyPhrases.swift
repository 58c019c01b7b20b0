/// The words the generator writes: rep names and free-text comments.
///
/// Comments come in three moods picked by the latent score, and may get a tail (a sign-off,
/// a ticket number, an emoji) that is sometimes on a new line, so a CSV reader meets
/// commas, doubled quotes, line breaks, accented letters and emoji inside quoted fields.
enum SurveyPhrases {
  /// Given names for reps and comment sign-offs; several carry accents.
  static let firstNames = [
    "Olivia", "Mateo", "Wen", "Amina", "Jonas", "Giulia", "Diego", "Charlotte", "Haruto", "Ananya",
    "Isla", "Ethan", "Joaquín", "Zoë", "Youssef", "Inès", "Finn", "Beatriz", "Søren", "Layla",
    "Tomás", "Astrid", "Ren", "Niamh", "Arjun", "Anaïs", "Samuel", "Sakura", "Ruby", "Omar",
    "Mía", "Henrik", "Lin", "Peter", "Chiamaka", "Rémi", "Declan", "Yasmin", "João", "Leah",
  ]

  /// Family names for reps; several carry accents or apostrophes.
  static let lastNames = [
    "Taylor", "Gómez", "Wang", "Ali", "Bauer", "Ricci", "Pereira", "Walker", "Suzuki", "Sharma",
    "O'Connor", "Tran", "Nowak", "Lefèvre", "Lindqvist", "Ramírez", "Park", "Horvat", "Adeyemi",
    "Ito", "Fischer", "Álvarez", "Clarke", "Popescu", "D'Amico", "Nielsen", "Moreno", "Evans",
    "Demir", "Bernard", "Gupta", "Nasser", "Ferreira", "Holm", "O'Neill", "Yamamoto", "Sokolov",
    "Rocha", "Krüger", "Liu",
  ]

  /// Comments from happy customers.
  static let positive = [
    "Thank you, that was painless!",
    "Fast and friendly.",
    "Fixed on the first try.",
    "Really helpful 👍",
    "Great support, as usual.",
    "Parfait, merci pour votre aide !",
    "Excelente servicio, muchas gracias.",
    "The agent went the extra mile 🙏",
    "Setup took ten minutes, instructions were clear.",
    "Quick, polite, and knew the product inside out.",
    "He said \"give me two minutes\" and it really was two minutes.",
    "Schnell und kompetent, danke!",
    "Very happy with it 😀",
    "Renewal was smooth, no surprises.",
    "Best support team I've dealt with.",
  ]

  /// Comments from customers who were neither pleased nor upset.
  static let neutral = [
    "It was fine.",
    "Slow, but it got done.",
    "OK, nothing special.",
    "Had to repeat the problem twice, then it was solved.",
    "The \"workaround\" works, for now.",
    "Average; the hold music was long.",
    "Sorted in the end, though the first answer was wrong.",
    "Not bad, not great.",
    "Correct, sans plus.",
    "The docs could be clearer, e.g. the setup section.",
  ]

  /// Comments from unhappy customers.
  static let negative = [
    "Still broken.",
    "Three days for a reply, unacceptable.",
    "The agent was dismissive 😡",
    "Transferred four times and nobody could help.",
    "I was told to \"try turning it off and on\", which did nothing.",
    "The app crashes since the last update.",
    "Charged twice, still waiting for the refund.",
    "Awful. I'm cancelling.",
    "Promised a call back, never got one.",
    "Das Problem ist immer noch nicht gelöst.",
    "Backups fail every night; restore is incomplete!!",
    "Worst experience with any vendor 👎",
  ]

  /// One piece of a comment tail: literal text or a number or name filled in per row.
  enum TailPiece {
    case text(String)
    /// A six-digit ticket number.
    case ticket
    /// A small case number.
    case caseNumber
    /// A given name, as a sign-off.
    case signature
  }

  /// Endings appended to some comments; empty ones leave the comment as it is.
  static let tails: [[TailPiece]] = [
    [], [], [], [],
    [.text(" Thanks.")],
    [.text(" Ticket #"), .ticket, .text(".")],
    [.text("\nSent from my phone")],
    [.text("\n— "), .signature],
    [.text(" :)")],
    [.text(" Ref. "), .ticket, .text(", case "), .caseNumber, .text(".")],
    [.text("\nPS: please call me back.")],
    [.text(" 🙂")],
  ]

  /// The latent score above which a comment is positive, and below which it is negative.
  static let positiveAbove = 0.9
  static let negativeBelow = -0.3
}
