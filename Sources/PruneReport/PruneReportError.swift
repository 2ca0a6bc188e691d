/// Errors of the report writers: each names the path or value, what went wrong and the fix.
public enum PruneReportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An output folder (or one of its parents) could not be created.
  case cannotCreateFolder(path: String, reason: String)
  /// An output folder exists but a file cannot be created in it.
  case folderNotWritable(path: String, reason: String)
  /// A file could not be written or moved into place; the old content (if any) is untouched.
  case cannotWriteFile(path: String, reason: String)
  /// A file name given to an ``OutputFolder`` is empty, absolute or leaves the folder.
  case invalidFileName(name: String, reason: String)
  /// A table row whose cell count differs from the header's column count.
  case rowLengthMismatch(table: String, row: Int, expected: Int, found: Int)
  /// A table header with no columns, or with a column name that appears twice.
  case invalidColumns(table: String, reason: String)
  /// CSV text that cannot be read.
  case malformedCSV(line: Int, reason: String)
  /// A value that cannot be turned into JSON (or JSON text that cannot be read).
  case invalidJSON(what: String, reason: String)
  /// A plot series whose arrays (x, y, lower, upper) differ in length.
  case seriesLengthMismatch(series: String, field: String, expected: Int, found: Int)
  /// An axis range that cannot be drawn (empty, reversed, non-finite, or <= 0 on a log axis).
  case invalidAxisRange(axis: String, lower: Double, upper: Double, reason: String)

  public var description: String {
    switch self {
    case .cannotCreateFolder(let path, let reason):
      return "cannot create the folder \(path): \(reason); choose an output folder (--out) "
        + "whose parents exist as folders you can write to."
    case .folderNotWritable(let path, let reason):
      return "cannot write into the folder \(path): \(reason); make it writable "
        + "(chmod u+w \(path)) or choose another output folder with --out."
    case .cannotWriteFile(let path, let reason):
      return "cannot write the file \(path): \(reason); the previous content is unchanged. "
        + "Check free space and permissions, or choose another output folder with --out."
    case .invalidFileName(let name, let reason):
      return "invalid output file name \"\(name)\": \(reason); pass a relative name such as "
        + "\"summary.json\" or \"figures/bias.svg\"."
    case .rowLengthMismatch(let table, let row, let expected, let found):
      return "table \(table): row \(row) has \(found) cells but the header has \(expected) "
        + "columns; give every row one cell per column (use .missing for an absent value)."
    case .invalidColumns(let table, let reason):
      return "table \(table): \(reason); give at least one column and distinct column names."
    case .malformedCSV(let line, let reason):
      return "CSV line \(line): \(reason); quote fields that hold commas, quotes or line "
        + "breaks, and double the quotes inside them."
    case .invalidJSON(let what, let reason):
      return "\(what) is not valid JSON: \(reason); use finite numbers and string keys."
    case .seriesLengthMismatch(let series, let field, let expected, let found):
      return "series \"\(series)\": \(field) has \(found) values but x has \(expected); pass "
        + "one value per x (use .nan for a point to skip)."
    case .invalidAxisRange(let axis, let lower, let upper, let reason):
      return "\(axis) axis range [\(lower), \(upper)] \(reason); pass finite limits with "
        + "lower < upper (both > 0 on a log axis), or leave the range nil to fit the data."
    }
  }
}
