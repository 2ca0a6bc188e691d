#if canImport(Glibc)
  import Glibc
#endif

/// The checking pass over a CSV loss log for ``LossLogFile``: one streaming read that checks every
/// rule of the format (the same rules and errors as the in-memory reader, plus rows coming epoch
/// by epoch) and keeps what the replay needs: each epoch's byte range, the labels, and per sample
/// its first logged epoch and loss and how often it is logged (for carry-forward and its counts).
/// Memory: a few numbers per sample, whatever the number of epochs.
enum CSVLossLogScan {
  static func scan(path: String, missing: MissingLogEntries, sampleCount expected: Int?) throws
    -> LossLogFile
  {
    let descriptor = try ChunkedLines.open(path)
    var handedOver = false
    defer { if !handedOver { _ = close(descriptor) } }
    var columns: CSVLogColumns? = nil
    var lineNumber = 0
    var epochs: [(start: Int, end: Int, line: Int)] = []
    var rowsPerEpoch: [Int] = []
    var currentEpoch = -1
    // Per sample (grown as samples appear): epoch + 1 of its last row and that row's line, its
    // first logged epoch and loss, how many epochs log it, its label.
    var seenEpoch: [Int32] = []
    var seenLine: [Int32] = []
    var firstEpoch: [Int32] = []
    var firstLoss: [Double] = []
    var loggedCount: [Int32] = []
    var labels: [Int] = []
    var largestSample = -1
    var isFirstLine = true
    try ChunkedLines.forEach(in: descriptor, path: path, from: 0) { text, offset in
      lineNumber += 1
      var line = text
      if isFirstLine {
        isFirstLine = false
        if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
          line = UnsafeBufferPointer(rebasing: line[3...])  // UTF-8 byte-order mark
        }
      }
      if line.isEmpty { return true }
      guard let layout = columns else {
        columns = try CSVLogColumns(header: String(decoding: line, as: UTF8.self), path: path)
        return true
      }
      let row = try layout.parse(line, line: lineNumber, path: path)
      let sample = row.sample
      if let expected, sample >= expected {
        throw PruneSignalsError.indexBeyondCount(
          path: path, line: lineNumber, column: "sample", value: sample, count: expected)
      }
      if row.epoch != currentEpoch {
        if row.epoch < currentEpoch {
          throw PruneSignalsError.epochOutOfOrder(
            path: path, line: lineNumber, epoch: row.epoch, after: currentEpoch)
        }
        if row.epoch > currentEpoch + 1 {
          throw PruneSignalsError.missingEpoch(
            path: path, epoch: currentEpoch + 1, lastEpoch: row.epoch)
        }
        if currentEpoch >= 0 { epochs[currentEpoch].end = offset }
        epochs.append((start: offset, end: Int.max, line: lineNumber))
        rowsPerEpoch.append(0)
        currentEpoch = row.epoch
      }
      if sample >= seenEpoch.count {
        let size = max(sample + 1, 2 * seenEpoch.count)
        let more = size - seenEpoch.count
        seenEpoch += repeatElement(0, count: more)
        seenLine += repeatElement(0, count: more)
        firstEpoch += repeatElement(-1, count: more)
        firstLoss += repeatElement(0, count: more)
        loggedCount += repeatElement(0, count: more)
        if layout.label != nil { labels += repeatElement(-1, count: more) }
      }
      let tag = Int32(row.epoch + 1)
      if seenEpoch[sample] == tag {
        throw PruneSignalsError.duplicateRow(
          path: path, line: lineNumber, firstLine: Int(seenLine[sample]), epoch: row.epoch,
          index: sample)
      }
      seenEpoch[sample] = tag
      seenLine[sample] = Int32(truncatingIfNeeded: min(lineNumber, Int(Int32.max)))
      if firstEpoch[sample] < 0 {
        firstEpoch[sample] = Int32(row.epoch)
        firstLoss[sample] = row.loss
      }
      loggedCount[sample] += 1
      if layout.label != nil {
        if labels[sample] < 0 {
          labels[sample] = row.label
        } else if labels[sample] != row.label {
          throw PruneSignalsError.inconsistentLabel(
            path: path, line: lineNumber, sample: sample, label: row.label,
            earlier: labels[sample])
        }
      }
      rowsPerEpoch[row.epoch] += 1
      largestSample = max(largestSample, sample)
      return true
    }
    guard let layout = columns, !epochs.isEmpty else {
      throw PruneSignalsError.emptyFile(path: path)
    }
    let n = expected ?? largestSample + 1
    let e = epochs.count
    if firstEpoch.count != n {
      let keep = min(n, firstEpoch.count)
      let more = n - keep
      firstEpoch = Array(firstEpoch[0..<keep]) + repeatElement(-1, count: more)
      firstLoss = Array(firstLoss[0..<keep]) + repeatElement(0, count: more)
      loggedCount = Array(loggedCount[0..<keep]) + repeatElement(0, count: more)
      if layout.label != nil { labels = Array(labels[0..<keep]) + repeatElement(-1, count: more) }
    }
    var fill = LogFill()
    switch missing {
    case .reject:
      if let epoch = rowsPerEpoch.firstIndex(where: { $0 < n }) {
        throw PruneSignalsError.missingRows(
          path: path, epoch: epoch, missing: n - rowsPerEpoch[epoch],
          firstMissing: try firstMissing(
            epoch: epoch, range: epochs[epoch], columns: layout, descriptor: descriptor,
            path: path, count: n),
          unit: "sample")
      }
    case .carryForward:
      for i in 0..<n {
        let first = Int(firstEpoch[i])
        if first < 0 {
          fill.unloggedIndices += 1
          fill.epochMeans += e
        } else {
          fill.carriedBackward += first
          fill.carriedForward += e - first - Int(loggedCount[i])
        }
      }
    }
    var finalLabels: [Int]? = layout.label != nil ? labels : nil
    if fill.unloggedIndices > 0, finalLabels != nil {
      finalLabels = nil
      fill.droppedLabels = true
    }
    handedOver = true
    return LossLogFile(
      path: path, sampleCount: n, epochCount: e, labels: finalLabels, fill: fill,
      missing: missing, source: .csv(descriptor: descriptor, columns: layout, epochs: epochs),
      firstEpoch: firstEpoch, firstLoss: firstLoss)
  }

  /// The smallest sample epoch `epoch` does not list (re-reads that epoch's rows).
  private static func firstMissing(
    epoch: Int, range: (start: Int, end: Int, line: Int), columns: CSVLogColumns,
    descriptor: Int32, path: String, count: Int
  ) throws -> Int {
    var listed = [Bool](repeating: false, count: count)
    var line = range.line
    try ChunkedLines.forEach(in: descriptor, path: path, from: range.start, to: range.end) {
      text, _ in
      defer { line += 1 }
      if !text.isEmpty { listed[try columns.parse(text, line: line, path: path).sample] = true }
      return true
    }
    return listed.firstIndex(of: false) ?? 0
  }
}
