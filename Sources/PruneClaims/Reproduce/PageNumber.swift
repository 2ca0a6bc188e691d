import PruneReport

/// Numbers as the pages print them, through PruneReport's ``NumberFormat`` (the same bytes on
/// every machine, non-finite values spelled as in the CSV files).
enum PageNumber {
  /// An exact or unqualified number: four significant digits.
  static func format(_ value: Double) -> String {
    NumberFormat.significant(value, digits: 4)
  }

  /// A measured value, rounded to what its uncertainty supports.
  static func format(_ value: Double, uncertainty: Double) -> String {
    NumberFormat.measured(value, uncertainty: uncertainty)
  }

  /// An uncertainty or tolerance: two (tolerance: three) significant digits.
  static func spread(_ value: Double, digits: Int = 2) -> String {
    NumberFormat.uncertainty(value, digits: digits)
  }
}
