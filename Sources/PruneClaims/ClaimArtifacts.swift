import PruneReport

/// A tidy table a claim produced: written as CSV next to its page, and optionally shown on it.
public struct ClaimTable: Sendable, Hashable {
  /// File stem, unique within the claim (`bias-vs-r` -> `notebooks-md/data/IB-1-bias-vs-r.csv`).
  public let name: String
  /// One sentence saying what a row is.
  public let caption: String
  /// Column names.
  public let header: [String]
  /// Rows of cells, already formatted (use ``ClaimTable/format(_:)`` for numbers).
  public let rows: [[String]]
  /// Whether the page shows the table (long raw tables are only linked).
  public let showOnPage: Bool

  public init(
    name: String, caption: String, header: [String], rows: [[String]], showOnPage: Bool = false
  ) {
    precondition(rows.allSatisfy { $0.count == header.count }, "every row has one cell per column")
    self.name = name
    self.caption = caption
    self.header = header
    self.rows = rows
    self.showOnPage = showOnPage
  }

  /// A number as a CSV cell, in the same spelling as every other CSV of PruneLab
  /// (shortest round-trip form; `NaN`, `Inf`, `-Inf`).
  public static func format(_ value: Double) -> String {
    CSVValue.format(value)
  }
}

/// An SVG figure a claim produced: written to `figures/` and linked from its page.
public struct ClaimFigure: Sendable, Hashable {
  /// File stem, unique within the claim (`bias-vs-r` -> `figures/IB-1-bias-vs-r.svg`).
  public let name: String
  /// What the figure shows and how to read it.
  public let caption: String
  /// The whole SVG document.
  public let svg: String

  public init(name: String, caption: String, svg: String) {
    self.name = name
    self.caption = caption
    self.svg = svg
  }
}
