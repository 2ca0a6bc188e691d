/// Errors of the signal generators, the log files and the replay source.
///
/// Each case carries the values; ``description`` names the parameter or the file and line, the
/// value, what is allowed and the fix (STYLE.md §4).
public enum PruneSignalsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A generator knob outside its allowed range (NaN included).
  case outOfRange(parameter: String, value: Double, allowed: String)
  /// A file that cannot be read (missing, a folder, no permission).
  case unreadableFile(path: String, reason: String)
  /// A file without a single byte or line.
  case emptyFile(path: String)
  /// A first line that is not the expected header.
  case badHeader(path: String, found: String, expected: String)
  /// A row with the wrong number of comma-separated fields.
  case wrongColumnCount(path: String, line: Int, found: Int, expected: String)
  /// A field that is not a number of the expected kind.
  case malformedNumber(path: String, line: Int, column: String, text: String)
  /// A loss or statistic that is NaN or infinite.
  case nonFiniteValue(path: String, line: Int, column: String, text: String)
  /// An epoch, sample or batch index below zero, or absurdly large.
  case indexOutOfRange(path: String, line: Int, column: String, value: Int)
  /// An index at or above the count the caller gave (`--samples`).
  case indexBeyondCount(path: String, line: Int, column: String, value: Int, count: Int)
  /// The same (epoch, index) pair on two lines.
  case duplicateRow(path: String, line: Int, firstLine: Int, epoch: Int, index: Int)
  /// Epochs must be 0..<E without a gap.
  case missingEpoch(path: String, epoch: Int, lastEpoch: Int)
  /// An epoch that lacks some of the indices 0..<count.
  case missingRows(path: String, epoch: Int, missing: Int, firstMissing: Int, unit: String)
  /// A sample labelled differently in two rows.
  case inconsistentLabel(path: String, line: Int, sample: Int, label: Int, earlier: Int)
  /// The engine asked a replay for an epoch the log does not have.
  case epochNotInLog(name: String, epoch: Int, epochs: Int)
  /// The engine asked a source for a sample or batch it does not know.
  case indexNotInSource(name: String, unit: String, index: Int, count: Int)
  /// Two logs (or a log and a setting) that do not fit together.
  case mismatch(detail: String)
  /// A streamed log whose rows of one epoch are not together, in ascending epoch order.
  case epochOutOfOrder(path: String, line: Int, epoch: Int, after: Int)
  /// A NumPy `.npy` file PruneLab cannot read, and why.
  case badArrayFile(path: String, reason: String)

  public var description: String {
    switch self {
    case .outOfRange(let parameter, let value, let allowed):
      return "\(parameter) = \(value) is outside \(allowed); pass a value in that range."
    case .unreadableFile(let path, let reason):
      return "cannot read \(path): \(reason); check the path and its permissions."
    case .emptyFile(let path):
      return "\(path) is empty; a log needs a header line and at least one row."
    case .badHeader(let path, let found, let expected):
      return "\(path), line 1: the header is \"\(found)\"; expected \(expected)."
    case .wrongColumnCount(let path, let line, let found, let expected):
      return "\(path), line \(line): \(found) fields; expected \(expected), separated by commas."
    case .malformedNumber(let path, let line, let column, let text):
      return "\(path), line \(line): \(column) \"\(text)\" is not a number of the right kind; "
        + "write integers for indices and decimals like 0.25 or 1e-3 for values."
    case .nonFiniteValue(let path, let line, let column, let text):
      return "\(path), line \(line): \(column) is \(text); every \(column) must be a finite "
        + "number: the run that wrote the log diverged, or the row is corrupt."
    case .indexOutOfRange(let path, let line, let column, let value):
      return "\(path), line \(line): \(column) = \(value) is outside 0..<2^31; indices count "
        + "from 0."
    case .indexBeyondCount(let path, let line, let column, let value, let count):
      return "\(path), line \(line): \(column) \(value) is outside 0..<\(count), the count "
        + "given; pass the logged run's \(column) count."
    case .duplicateRow(let path, let line, let firstLine, let epoch, let index):
      return "\(path), line \(line): epoch \(epoch), index \(index) already appeared on line "
        + "\(firstLine); keep one row per pair."
    case .missingEpoch(let path, let epoch, let lastEpoch):
      return "\(path): epoch \(epoch) has no rows, but epoch \(lastEpoch) does; epochs must run "
        + "0, 1, ..., E-1 without a gap."
    case .missingRows(let path, let epoch, let missing, let firstMissing, let unit):
      return "\(path): epoch \(epoch) lacks \(missing) \(unit)(s), the first being \(unit) "
        + "\(firstMissing); every epoch must list every \(unit) once. A log of a pruned run "
        + "lists only what it trained: read it with missing entries carried forward "
        + "(prunelab simulate --missing carry-forward)."
    case .inconsistentLabel(let path, let line, let sample, let label, let earlier):
      return "\(path), line \(line): sample \(sample) has label \(label), but \(earlier) "
        + "earlier; a sample keeps its label in every epoch."
    case .epochNotInLog(let name, let epoch, let epochs):
      return "\(name) holds epochs 0..<\(epochs) but epoch \(epoch) was asked for; run at most "
        + "\(epochs) epochs on it."
    case .indexNotInSource(let name, let unit, let index, let count):
      return "\(name) knows \(unit)s 0..<\(count) but \(unit) \(index) was asked for; the "
        + "run's sizes must match the source."
    case .mismatch(let detail):
      return detail
    case .epochOutOfOrder(let path, let line, let epoch, let after):
      return "\(path), line \(line): a row of epoch \(epoch) after rows of epoch \(after); a log is "
        + "read one epoch at a time, so its rows must come epoch by epoch, ascending (sort it, "
        + "e.g. pandas: df.sort_values(\"epoch\", kind=\"stable\"))."
    case .badArrayFile(let path, let reason):
      return "\(path): \(reason); save losses with numpy.save as float64 or float32, one array "
        + "of shape (N,) per epoch or one of shape (E, N)."
    }
  }
}
