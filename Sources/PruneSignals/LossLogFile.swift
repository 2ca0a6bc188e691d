#if canImport(Glibc)
  import Glibc
#endif

/// A per-sample loss log on disk, checked once and then read one epoch at a time, so replaying
/// it needs memory for one epoch and the per-sample bookkeeping, not for the whole log
/// (issue 13 item 4: ImageNet for 200 epochs is 256M values).
///
/// Formats:
/// - the long CSV `epoch,sample,loss[,label]` (ARCHITECTURE.md "Formats"), also as pandas writes
///   it: columns found by name in any order, other columns (pandas' index) ignored, a UTF-8
///   byte-order mark accepted (``CSVLogColumns``). Its rows must come epoch by epoch, ascending;
///   within an epoch in any order;
/// - NumPy `.npy`: one float64 or float32 array of shape (E, N), or a folder of `.npy` files
///   of shape (N,), one per epoch (``NumPyLossArrays``).
///
/// ``open(path:missing:sampleCount:)`` reads the whole file once and checks everything the
/// in-memory reader (``LossLog/read(from:missing:sampleCount:)``) checks, with the same errors,
/// so a bad log is refused before anything runs; ``readEpoch(_:into:)`` then parses one epoch's
/// rows and fills its gaps exactly as ``LossLog`` does (``MissingLogEntries``).
public final class LossLogFile: @unchecked Sendable {
  public let path: String
  /// N and E.
  public let sampleCount: Int
  public let epochCount: Int
  /// One label per sample when the CSV has a `label` column (and every sample appears).
  public let labels: [Int]?
  /// What a read fills (carry-forward); zero for a complete log.
  public let fill: LogFill
  /// N x E, the values the log stands for.
  public var valueCount: Int { sampleCount * epochCount }

  private let missing: MissingLogEntries
  private let source: Source
  /// Per sample: the first epoch that logs it (-1: never) and its loss there.
  private let firstEpoch: [Int32]
  private let firstLoss: [Double]
  /// The last epoch read and its values (gaps filled), for carrying forward.
  private var current: [Double]
  private var logged: [Bool]
  private var currentEpoch = -1

  enum Source {
    /// A CSV: the open file, its columns, and each epoch's byte range and first line number.
    case csv(descriptor: Int32, columns: CSVLogColumns, epochs: [(start: Int, end: Int, line: Int)])
    case numpy(NumPyLossArrays)
  }

  init(
    path: String, sampleCount: Int, epochCount: Int, labels: [Int]?, fill: LogFill,
    missing: MissingLogEntries, source: Source, firstEpoch: [Int32], firstLoss: [Double]
  ) {
    self.path = path
    self.sampleCount = sampleCount
    self.epochCount = epochCount
    self.labels = labels
    self.fill = fill
    self.missing = missing
    self.source = source
    self.firstEpoch = firstEpoch
    self.firstLoss = firstLoss
    current = [Double](repeating: 0, count: sampleCount)
    logged = [Bool](repeating: false, count: sampleCount)
  }

  deinit {
    if case .csv(let descriptor, _, _) = source { close(descriptor) }
  }

  /// Opens and checks the log at `path`: a CSV file, a `.npy` file, or a folder of `.npy` files.
  ///
  /// - Parameters:
  ///   - missing: Whether samples missing from an epoch are an error or filled.
  ///   - sampleCount: N when known; nil takes one more than the largest sample logged.
  /// - Throws: ``PruneSignalsError`` naming the file, the line and the fix.
  public static func open(
    path: String, missing: MissingLogEntries = .reject, sampleCount: Int? = nil
  ) throws -> LossLogFile {
    if let arrays = try NumPyLossArrays.open(path: path) {
      if let sampleCount, sampleCount != arrays.sampleCount {
        throw PruneSignalsError.mismatch(
          detail: "\(path) holds \(arrays.sampleCount) samples per epoch, not \(sampleCount); "
            + "pass the logged run's sample count.")
      }
      let n = arrays.sampleCount
      return LossLogFile(
        path: path, sampleCount: n, epochCount: arrays.epochCount, labels: nil, fill: LogFill(),
        missing: missing, source: .numpy(arrays), firstEpoch: [Int32](repeating: 0, count: n),
        firstLoss: [Double](repeating: 0, count: n))
    }
    return try CSVLossLogScan.scan(path: path, missing: missing, sampleCount: sampleCount)
  }

  /// Writes epoch `epoch`'s N losses into `values` (resized to N), gaps filled per ``fill``.
  /// Reading epochs in order costs one pass over each; going back re-reads from epoch 0 (to
  /// carry values forward).
  public func readEpoch(_ epoch: Int, into values: inout [Double]) throws {
    guard epoch >= 0, epoch < epochCount else {
      throw PruneSignalsError.epochNotInLog(name: path, epoch: epoch, epochs: epochCount)
    }
    if epoch < currentEpoch { currentEpoch = -1 }
    while currentEpoch < epoch { try advance() }
    values = current
  }

  /// Reads epoch `currentEpoch + 1` into `current`.
  private func advance() throws {
    let epoch = currentEpoch + 1
    switch source {
    case .numpy(let arrays):
      try arrays.readEpoch(epoch, into: &current)
    case .csv(let descriptor, let columns, let epochs):
      for i in logged.indices { logged[i] = false }
      let range = epochs[epoch]
      var line = range.line
      let count = sampleCount
      try current.withUnsafeMutableBufferPointer { values in
        try logged.withUnsafeMutableBufferPointer { logged in
          try ChunkedLines.forEach(in: descriptor, path: path, from: range.start, to: range.end) {
            text, _ in
            defer { line += 1 }
            if text.isEmpty { return true }
            let row = try columns.parse(text, line: line, path: path)
            guard row.epoch == epoch, row.sample < count else {
              throw PruneSignalsError.mismatch(
                detail: "\(path), line \(line): the file changed while it was being replayed.")
            }
            values[row.sample] = row.loss
            logged[row.sample] = true
            return true
          }
        }
      }
      if missing == .carryForward { fillGaps(epoch: epoch) }
    }
    currentEpoch = epoch
  }

  /// ``MissingLogEntries/carryForward`` for one epoch, as ``LogFill/carryForward`` does it for a
  /// whole log: the latest earlier value (still in `current`), else the first logged value, else
  /// the epoch's mean over its logged values (summed in sample order).
  private func fillGaps(epoch: Int) {
    var meanNeeded = false
    for i in 0..<sampleCount where !logged[i] && firstEpoch[i] < 0 { meanNeeded = true }
    var epochMean = 0.0
    if meanNeeded {
      var sum = 0.0
      var n = 0
      for i in 0..<sampleCount where logged[i] {
        sum += current[i]
        n += 1
      }
      epochMean = n > 0 ? sum / Double(n) : 0
    }
    for i in 0..<sampleCount where !logged[i] {
      let first = Int(firstEpoch[i])
      if first < 0 {
        current[i] = epochMean
      } else if epoch < first {
        current[i] = firstLoss[i]
      }  // else: the value of the previous epoch stays (carried forward)
    }
  }
}
