/// Where the columns of a long loss log are, found by name (issue 13 item 4: CSVs as pandas
/// writes them).
///
/// The header names the columns; `epoch`, `sample` and `loss` must be there, in any order,
/// `label` may be; every other column is ignored, among them the unnamed index column pandas'
/// `to_csv` writes first. A UTF-8 byte-order mark before the header is skipped by the caller.
struct CSVLogColumns {
  /// Fields per row.
  let fieldCount: Int
  let epoch: Int
  let sample: Int
  let loss: Int
  let label: Int?

  /// Finds the columns in `header`.
  /// - Throws: ``PruneSignalsError/badHeader(path:found:expected:)`` naming what is missing.
  init(header: String, path: String) throws {
    let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.count >= 2 && $0.first == "\"" && $0.last == "\"" ? String($0.dropFirst().dropLast()) : String($0)
    }
    func position(_ name: String) -> Int? { names.firstIndex(of: name) }
    let expected = "columns epoch, sample and loss (any order; label optional, others ignored)"
    guard let epoch = position("epoch"), let sample = position("sample"),
      let loss = position("loss")
    else {
      throw PruneSignalsError.badHeader(path: path, found: header, expected: expected)
    }
    for name in ["epoch", "sample", "loss", "label"] where names.filter({ $0 == name }).count > 1 {
      throw PruneSignalsError.badHeader(
        path: path, found: header, expected: expected + ", each named once (\(name) is twice)")
    }
    fieldCount = names.count
    self.epoch = epoch
    self.sample = sample
    self.loss = loss
    label = position("label")
  }

  /// A row's fields.
  struct Row {
    var epoch: Int
    var sample: Int
    var loss: Double
    var label: Int
  }

  /// Splits and parses one data line.
  /// - Throws: the reader's errors for a wrong field count, a malformed or non-finite number or
  ///   an index outside 0..<2^31, naming `path` and `line`.
  func parse(_ line: UnsafeBufferPointer<UInt8>, line number: Int, path: String) throws -> Row {
    var starts = (0, 0, 0, 0)
    var ends = (0, 0, 0, 0)
    var field = 0
    var fieldStart = 0
    func note(_ k: Int, _ from: Int, _ to: Int) {
      if k == epoch {
        starts.0 = from
        ends.0 = to
      }
      if k == sample {
        starts.1 = from
        ends.1 = to
      }
      if k == loss {
        starts.2 = from
        ends.2 = to
      }
      if k == label {
        starts.3 = from
        ends.3 = to
      }
    }
    for offset in 0..<line.count where line[offset] == UInt8(ascii: ",") {
      note(field, fieldStart, offset)
      field += 1
      fieldStart = offset + 1
    }
    note(field, fieldStart, line.count)
    field += 1
    guard field == fieldCount else {
      throw PruneSignalsError.wrongColumnCount(
        path: path, line: number, found: field, expected: "\(fieldCount) (as the header)")
    }
    func slice(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: line[from..<to])
    }
    let epochValue = try Self.index(slice(starts.0, ends.0), "epoch", number, path)
    let sampleValue = try Self.index(slice(starts.1, ends.1), "sample", number, path)
    let text = slice(starts.2, ends.2)
    guard let value = CSVNumbers.parseDouble(text) else {
      throw PruneSignalsError.malformedNumber(
        path: path, line: number, column: "loss", text: String(decoding: text, as: UTF8.self))
    }
    guard value.isFinite else {
      throw PruneSignalsError.nonFiniteValue(
        path: path, line: number, column: "loss", text: String(decoding: text, as: UTF8.self))
    }
    let labelValue =
      label == nil ? -1 : try Self.index(slice(starts.3, ends.3), "label", number, path)
    return Row(epoch: epochValue, sample: sampleValue, loss: value, label: labelValue)
  }

  /// A non-negative integer below 2^31, as the in-memory reader takes it.
  private static func index(
    _ field: UnsafeBufferPointer<UInt8>, _ column: String, _ line: Int, _ path: String
  ) throws -> Int {
    if let value = CSVNumbers.parseIndex(field), value < 1 << 31 { return value }
    let text = String(decoding: field, as: UTF8.self)
    if CSVNumbers.isSignedInteger(field), let value = Int(text) {
      throw PruneSignalsError.indexOutOfRange(path: path, line: line, column: column, value: value)
    }
    throw PruneSignalsError.malformedNumber(path: path, line: line, column: column, text: text)
  }
}
