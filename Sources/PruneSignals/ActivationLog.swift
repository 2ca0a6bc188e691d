/// A per-batch activation log: the statistic X̄ of every batch in every epoch (B-PAS's signal).
///
/// On disk it is the long CSV `epoch,batch,xbar` (ARCHITECTURE.md, "Formats"): epochs 0..<E,
/// batches 0..<M (logical batch ids), every pair at most once (a B-PAS run stops logging a batch
/// it dropped; ``MissingLogEntries/carryForward`` fills such gaps). In memory the values are one flat
/// epoch-major array, `statistics[epoch * batchCount + batch]`.
public struct ActivationLog: Sendable, Equatable {
  /// M, the number of logical batches.
  public let batchCount: Int
  /// E, the number of epochs logged.
  public private(set) var epochCount: Int
  /// X̄ values, epoch-major.
  public private(set) var statistics: [Double]
  /// The values a read filled in (``MissingLogEntries/carryForward``); none for a complete log.
  public internal(set) var fill = LogFill()

  /// Creates a log from its parts.
  /// - Throws: ``PruneSignalsError`` when the sizes do not fit or a value is not finite.
  public init(batchCount: Int, statistics: [Double]) throws {
    guard batchCount > 0 else {
      throw PruneSignalsError.outOfRange(
        parameter: "batchCount", value: Double(batchCount), allowed: "an integer >= 1")
    }
    guard statistics.count % batchCount == 0 else {
      throw PruneSignalsError.mismatch(
        detail: "\(statistics.count) values do not fill whole epochs of \(batchCount) batches; "
          + "give batchCount x epochs values.")
    }
    for (offset, value) in statistics.enumerated() where !value.isFinite {
      throw PruneSignalsError.nonFiniteValue(
        path: "statistics[\(offset)]", line: offset / batchCount, column: "xbar",
        text: "\(value)")
    }
    self.batchCount = batchCount
    self.epochCount = statistics.count / batchCount
    self.statistics = statistics
  }

  init(recordingBatches batchCount: Int) {
    self.batchCount = batchCount
    self.epochCount = 0
    self.statistics = []
  }

  /// X̄ of logical batch `batch` in `epoch`.
  @inlinable
  public func statistic(epoch: Int, batch: Int) -> Double {
    statistics[epoch * batchCount + batch]
  }

  mutating func appendEpoch(_ values: [Double]) {
    precondition(values.count == batchCount, "one value per batch")
    statistics.append(contentsOf: values)
    epochCount += 1
  }

  /// The CSV text `epoch,batch,xbar`, rows by epoch then batch, shortest round-trip numbers.
  public func csvBytes() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(statistics.count * 28 + 20)
    out.append(contentsOf: "epoch,batch,xbar\n".utf8)
    for epoch in 0..<epochCount {
      for batch in 0..<batchCount {
        CSVNumbers.append(epoch, to: &out)
        out.append(UInt8(ascii: ","))
        CSVNumbers.append(batch, to: &out)
        out.append(UInt8(ascii: ","))
        CSVNumbers.append(statistics[epoch * batchCount + batch], to: &out)
        out.append(UInt8(ascii: "\n"))
      }
    }
    return out
  }

  /// Reads and checks an activation log `epoch,batch,xbar` (the checks of
  /// ``LossLog/read(from:missing:sampleCount:)``; a B-PAS run's log lacks its dropped batches).
  public static func read(
    from path: String, missing: MissingLogEntries = .reject, batchCount: Int? = nil
  ) throws -> ActivationLog {
    try load(path: path, missing: missing, indexCount: batchCount)
  }

  /// Parses and checks CSV bytes; `name` stands for the file in error messages.
  public static func parse(
    csv bytes: [UInt8], name: String = "activation log", missing: MissingLogEntries = .reject,
    batchCount: Int? = nil
  ) throws -> ActivationLog {
    try load(bytes: bytes, name: name, missing: missing, indexCount: batchCount)
  }
}

extension ActivationLog: LongTableLog {
  static let indexColumn = "batch"
  static let valueColumn = "xbar"
  static let allowsLabel = false

  init(table: LongTableReader.Table) throws {
    try self.init(batchCount: table.indexCount, statistics: table.values)
    fill = table.fill
  }
}
