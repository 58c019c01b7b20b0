/// The wording of the errors `explain change` gives, beside the others in ParseMessage.swift.
extension ParseMessage {
  static let explainChange = "'change' after 'explain'"
  static let explainIn = "'in' after 'explain change'"
  static let explainBy = "'by' and the fields that split the change into segments"
  static let explainByNote =
    "'explain change' splits a change by segments: explain change in csat by channel since 7d"
    + " vs previous"

  static let explainNeedsWindow =
    "'explain change' needs a window: the change is from an earlier window to this one"
  static let explainNeedsBaseline =
    "'explain change' needs 'vs previous' or 'vs last year': the window the change is from"
  static let explainNeedsBaselineNote =
    "e.g. explain change in csat by channel since 7d vs previous"
  static let explainRest =
    "'explain change' compares two windows: write 'vs previous' or 'vs last year', not"
    + " 'vs rest'"
}
