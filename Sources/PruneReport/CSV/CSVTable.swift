import Foundation

/// A tidy table (one row per observation) that prints as CSV: header first, `,` separated, `.`
/// decimal, `\n` line ends, no locale; see ``CSVValue`` for how cells are printed.
///
/// ```swift
/// var table = try CSVTable(columns: ["rule", "r", "bias"], name: "ib1-bias")
/// try table.append(["rescaled", 0.5, .number(bias)])
/// try table.write(to: out, as: "bias.csv")
/// ```
public struct CSVTable: Sendable, Hashable {
  /// A short name used in error messages (e.g. the file's stem).
  public let name: String
  /// The header.
  public let columns: [String]
  /// The rows in insertion order; each has `columns.count` cells.
  public private(set) var rows: [[CSVValue]]

  /// Creates an empty table.
  ///
  /// - Throws: ``PruneReportError/invalidColumns(table:reason:)`` when `columns` is empty or
  ///   names a column twice.
  public init(columns: [String], name: String = "table") throws {
    if columns.isEmpty {
      throw PruneReportError.invalidColumns(table: name, reason: "the header has no columns")
    }
    var seen = Set<String>()
    for column in columns where !seen.insert(column).inserted {
      throw PruneReportError.invalidColumns(
        table: name, reason: "column \"\(column)\" appears twice")
    }
    self.name = name
    self.columns = columns
    self.rows = []
  }

  /// A table of cells that are already text (formatted elsewhere), each a ``CSVValue/string(_:)``.
  ///
  /// - Throws: the errors of ``init(columns:name:)`` and ``append(_:)``.
  public init(columns: [String], textRows: [[String]], name: String = "table") throws {
    try self.init(columns: columns, name: name)
    try append(contentsOf: textRows.map { $0.map(CSVValue.string) })
  }

  /// Appends one row.
  ///
  /// - Throws: ``PruneReportError/rowLengthMismatch(table:row:expected:found:)`` when the row
  ///   does not have one cell per column; the table is then unchanged.
  public mutating func append(_ row: [CSVValue]) throws {
    guard row.count == columns.count else {
      throw PruneReportError.rowLengthMismatch(
        table: name, row: rows.count + 1, expected: columns.count, found: row.count)
    }
    rows.append(row)
  }

  /// Appends several rows; stops at the first bad one (earlier ones stay appended).
  public mutating func append(contentsOf newRows: some Sequence<[CSVValue]>) throws {
    for row in newRows { try append(row) }
  }

  /// The column's cells, or `nil` when there is no such column.
  public func column(_ column: String) -> [CSVValue]? {
    guard let index = columns.firstIndex(of: column) else { return nil }
    return rows.map { $0[index] }
  }

  /// The whole table as CSV text, ending with a line break.
  public var csvText: String {
    var text = columns.map(CSVValue.quotedIfNeeded).joined(separator: ",") + "\n"
    for row in rows {
      text += row.map(\.field).joined(separator: ",")
      text += "\n"
    }
    return text
  }

  /// Writes ``csvText`` atomically to `file`.
  public func write(to file: URL) throws {
    try AtomicFile.write(csvText, to: file)
  }

  /// Writes ``csvText`` atomically to `name` inside `folder`.
  @discardableResult
  public func write(to folder: OutputFolder, as name: String) throws -> URL {
    try folder.write(csvText, to: name)
  }
}
