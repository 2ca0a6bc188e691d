import Foundation

/// Reads the long CSV logs `epoch,<index>,<value>[,label]` (loss logs and activation logs) and
/// checks every rule of the format, reporting the first violation with its line number.
///
/// The checks, in order: the file can be read and is not empty; the header is exact; each row has
/// the header's number of fields; epoch and index are non-negative integers; the value is a
/// number and finite; the label (when present) is a non-negative integer and the same for a
/// sample in every epoch; no (epoch, index) pair appears twice; epochs run 0..<E without a gap;
/// every epoch lists every index 0..<N, N being one more than the largest index seen (or the
/// count the caller knows), unless ``missing`` says to fill the gaps.
struct LongTableReader {
  /// The name of the index column (`sample` or `batch`) and of the value column.
  let indexColumn: String
  let valueColumn: String
  /// Whether an optional fourth `label` column is allowed.
  let allowsLabel: Bool
  /// What to do with pairs the log does not list.
  var missing: MissingLogEntries = .reject
  /// N when the caller knows it (a pruned run may never log the last samples); nil takes one
  /// more than the largest index in the file.
  var expectedIndexCount: Int? = nil

  struct Table {
    var epochCount: Int
    var indexCount: Int
    /// Epoch-major values, `values[epoch * indexCount + index]`.
    var values: [Double]
    var labels: [Int]?
    /// What was filled (nothing unless ``LongTableReader/missing`` is carry-forward).
    var fill = LogFill()
  }

  /// Reads and checks the file at `path`.
  func read(path: String) throws -> Table {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      let reason =
        !exists
        ? "no such file" : isFolder.boolValue ? "it is a folder" : error.localizedDescription
      throw PruneSignalsError.unreadableFile(path: path, reason: reason)
    }
    return try parse(bytes: [UInt8](data), path: path)
  }

  private struct Row {
    var epoch: Int
    var index: Int
    var value: Double
    var label: Int
    var line: Int
  }

  /// Parses and checks CSV bytes; `path` only names the source in errors.
  func parse(bytes: [UInt8], path: String) throws -> Table {
    let baseHeader = "epoch,\(indexColumn),\(valueColumn)"
    let expected =
      allowsLabel ? "\"\(baseHeader)\" or \"\(baseHeader),label\"" : "\"\(baseHeader)\""
    var rows: [Row] = []
    var hasLabels: Bool? = nil
    var lineNumber = 0
    try bytes.withUnsafeBufferPointer { buffer in
      var start = 0
      var sawHeader = false
      var fieldEnds: [Int] = []
      fieldEnds.reserveCapacity(8)
      while start < buffer.count {
        var end = start
        while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
        lineNumber += 1
        var lineEnd = end
        if lineEnd > start, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        defer { start = end + 1 }
        if lineEnd == start { continue }  // blank line
        let line = UnsafeBufferPointer(rebasing: buffer[start..<lineEnd])
        if !sawHeader {
          sawHeader = true
          let header = String(decoding: line, as: UTF8.self)
          if header == baseHeader {
            hasLabels = false
          } else if allowsLabel, header == baseHeader + ",label" {
            hasLabels = true
          } else {
            throw PruneSignalsError.badHeader(path: path, found: header, expected: expected)
          }
          continue
        }
        fieldEnds.removeAll(keepingCapacity: true)
        for offset in 0..<line.count where line[offset] == UInt8(ascii: ",") {
          fieldEnds.append(offset)
        }
        fieldEnds.append(line.count)
        let columns = (hasLabels ?? false) ? 4 : 3
        guard fieldEnds.count == columns else {
          throw PruneSignalsError.wrongColumnCount(
            path: path, line: lineNumber, found: fieldEnds.count,
            expected: "\(columns) (\(columns == 4 ? baseHeader + ",label" : baseHeader))")
        }
        func field(_ k: Int) -> UnsafeBufferPointer<UInt8> {
          let from = k == 0 ? 0 : fieldEnds[k - 1] + 1
          return UnsafeBufferPointer(rebasing: line[from..<fieldEnds[k]])
        }
        let epoch = try index(field(0), column: "epoch", line: lineNumber, path: path)
        let index = try index(field(1), column: indexColumn, line: lineNumber, path: path)
        let valueField = field(2)
        guard let value = CSVNumbers.parseDouble(valueField) else {
          throw PruneSignalsError.malformedNumber(
            path: path, line: lineNumber, column: valueColumn,
            text: String(decoding: valueField, as: UTF8.self))
        }
        guard value.isFinite else {
          throw PruneSignalsError.nonFiniteValue(
            path: path, line: lineNumber, column: valueColumn,
            text: String(decoding: valueField, as: UTF8.self))
        }
        var label = -1
        if columns == 4 {
          label = try self.index(field(3), column: "label", line: lineNumber, path: path)
        }
        rows.append(Row(epoch: epoch, index: index, value: value, label: label, line: lineNumber))
      }
      if !sawHeader { throw PruneSignalsError.emptyFile(path: path) }
    }
    guard !rows.isEmpty else { throw PruneSignalsError.emptyFile(path: path) }
    return try assemble(rows, hasLabels: hasLabels ?? false, path: path)
  }

  private func index(
    _ field: UnsafeBufferPointer<UInt8>, column: String, line: Int, path: String
  ) throws -> Int {
    if let value = CSVNumbers.parseIndex(field), value < 1 << 31 { return value }
    let text = String(decoding: field, as: UTF8.self)
    if CSVNumbers.isSignedInteger(field), let value = Int(text) {
      throw PruneSignalsError.indexOutOfRange(path: path, line: line, column: column, value: value)
    }
    throw PruneSignalsError.malformedNumber(path: path, line: line, column: column, text: text)
  }

  private func assemble(_ rows: [Row], hasLabels: Bool, path: String) throws -> Table {
    var epochCount = 0
    var indexCount = 0
    for row in rows {
      epochCount = max(epochCount, row.epoch + 1)
      indexCount = max(indexCount, row.index + 1)
      if let expected = expectedIndexCount, row.index >= expected {
        throw PruneSignalsError.indexBeyondCount(
          path: path, line: row.line, column: indexColumn, value: row.index, count: expected)
      }
    }
    indexCount = expectedIndexCount ?? indexCount
    guard epochCount.multipliedReportingOverflow(by: indexCount).partialValue <= 1 << 33 else {
      throw PruneSignalsError.mismatch(
        detail: "\(path): \(epochCount) epochs x \(indexCount) \(indexColumn)s is too large to "
          + "hold in memory; split the log.")
    }
    var rowsPerEpoch = [Int](repeating: 0, count: epochCount)
    for row in rows { rowsPerEpoch[row.epoch] += 1 }
    if let gap = rowsPerEpoch.firstIndex(of: 0) {
      throw PruneSignalsError.missingEpoch(path: path, epoch: gap, lastEpoch: epochCount - 1)
    }
    var values = [Double](repeating: 0, count: epochCount * indexCount)
    var firstLine = [Int32](repeating: 0, count: epochCount * indexCount)
    var labels = [Int](repeating: -1, count: hasLabels ? indexCount : 0)
    for row in rows {
      let slot = row.epoch * indexCount + row.index
      if firstLine[slot] != 0 {
        throw PruneSignalsError.duplicateRow(
          path: path, line: row.line, firstLine: Int(firstLine[slot]), epoch: row.epoch,
          index: row.index)
      }
      firstLine[slot] = Int32(truncatingIfNeeded: min(row.line, Int(Int32.max)))
      values[slot] = row.value
      if hasLabels {
        if labels[row.index] < 0 {
          labels[row.index] = row.label
        } else if labels[row.index] != row.label {
          throw PruneSignalsError.inconsistentLabel(
            path: path, line: row.line, sample: row.index, label: row.label,
            earlier: labels[row.index])
        }
      }
    }
    var table = Table(
      epochCount: epochCount, indexCount: indexCount, values: values,
      labels: hasLabels ? labels : nil)
    switch missing {
    case .reject:
      for epoch in 0..<epochCount where rowsPerEpoch[epoch] < indexCount {
        let base = epoch * indexCount
        var firstMissing = 0
        while firstLine[base + firstMissing] != 0 { firstMissing += 1 }
        throw PruneSignalsError.missingRows(
          path: path, epoch: epoch, missing: indexCount - rowsPerEpoch[epoch],
          firstMissing: firstMissing, unit: indexColumn)
      }
    case .carryForward:
      table.fill = LogFill.carryForward(
        &table.values, logged: { firstLine[$0] != 0 }, epochs: epochCount, count: indexCount)
      if table.fill.unloggedIndices > 0, hasLabels {
        table.labels = nil
        table.fill.droppedLabels = true
      }
    }
    return table
  }
}
