/// A per-sample training log: the loss of every sample in every epoch, and optional labels.
///
/// On disk it is the long CSV `epoch,sample,loss[,label]` (ARCHITECTURE.md, "Formats"): one row per
/// (epoch, sample), epochs 0..<E, samples 0..<N, every pair at most once. A full-data run lists
/// every pair; a pruned run lists what it trained, and reading its log with
/// ``MissingLogEntries/carryForward`` fills the rest. In memory the losses are one flat
/// epoch-major array, `losses[epoch * sampleCount + sample]`.
public struct LossLog: Sendable, Equatable {
  /// N, the number of samples.
  public let sampleCount: Int
  /// E, the number of epochs logged.
  public private(set) var epochCount: Int
  /// The losses, epoch-major: `losses[epoch * sampleCount + sample]`.
  public private(set) var losses: [Double]
  /// One class label per sample, when the log has a `label` column.
  public let labels: [Int]?
  /// The values a read filled in (``MissingLogEntries/carryForward``); none for a complete log.
  public internal(set) var fill = LogFill()

  /// Creates a log from its parts.
  /// - Throws: ``PruneSignalsError`` when the sizes do not fit or a loss is not finite.
  public init(sampleCount: Int, losses: [Double], labels: [Int]? = nil) throws {
    guard sampleCount > 0 else {
      throw PruneSignalsError.outOfRange(
        parameter: "sampleCount", value: Double(sampleCount), allowed: "an integer >= 1")
    }
    guard losses.count % sampleCount == 0 else {
      throw PruneSignalsError.mismatch(
        detail: "\(losses.count) losses do not fill whole epochs of \(sampleCount) samples; "
          + "give sampleCount x epochs losses.")
    }
    if let labels, labels.count != sampleCount {
      throw PruneSignalsError.mismatch(
        detail: "\(labels.count) labels for \(sampleCount) samples; give one label per sample.")
    }
    for (offset, loss) in losses.enumerated() where !loss.isFinite {
      throw PruneSignalsError.nonFiniteValue(
        path: "losses[\(offset)]", line: offset / sampleCount, column: "loss", text: "\(loss)")
    }
    self.sampleCount = sampleCount
    self.epochCount = losses.count / sampleCount
    self.losses = losses
    self.labels = labels
  }

  /// An empty log to append epochs to (a recording).
  init(recordingSamples sampleCount: Int, labels: [Int]?) {
    self.sampleCount = sampleCount
    self.epochCount = 0
    self.losses = []
    self.labels = labels
  }

  /// The loss of `sample` in `epoch`.
  @inlinable
  public func loss(epoch: Int, sample: Int) -> Double {
    losses[epoch * sampleCount + sample]
  }

  /// The losses of one epoch, indexed by sample.
  public func losses(ofEpoch epoch: Int) -> ArraySlice<Double> {
    losses[(epoch * sampleCount)..<((epoch + 1) * sampleCount)]
  }

  /// Appends one epoch of `sampleCount` losses (used by recording sources).
  mutating func appendEpoch(_ epochLosses: UnsafeBufferPointer<Double>) {
    precondition(epochLosses.count == sampleCount, "one loss per sample")
    losses.append(contentsOf: epochLosses)
    epochCount += 1
  }

  /// The CSV text, header first, rows by epoch then sample, values in Swift's shortest
  /// round-trip form (so reading the text back gives the same doubles, bit for bit).
  public func csvBytes() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(losses.count * 24 + 32)
    out.append(contentsOf: (labels == nil ? "epoch,sample,loss\n" : "epoch,sample,loss,label\n").utf8)
    for epoch in 0..<epochCount {
      let epochText = Array("\(epoch),".utf8)
      for sample in 0..<sampleCount {
        out.append(contentsOf: epochText)
        CSVNumbers.append(sample, to: &out)
        out.append(UInt8(ascii: ","))
        CSVNumbers.append(losses[epoch * sampleCount + sample], to: &out)
        if let labels {
          out.append(UInt8(ascii: ","))
          CSVNumbers.append(labels[sample], to: &out)
        }
        out.append(UInt8(ascii: "\n"))
      }
    }
    return out
  }
}

extension LossLog {
  /// Reads and checks a loss log `epoch,sample,loss[,label]`.
  ///
  /// - Parameters:
  ///   - missing: Whether samples missing from an epoch (a pruned run's log) are an error or
  ///     filled (``MissingLogEntries``); ``fill`` counts what was filled.
  ///   - sampleCount: N when known; nil takes one more than the largest sample in the file.
  /// - Throws: ``PruneSignalsError`` naming the file, the line and the fix: unreadable or empty
  ///   file, wrong header, wrong column count, malformed number, NaN or infinite loss, negative
  ///   index or one at or above `sampleCount`, duplicate (epoch, sample), a gap in the epochs,
  ///   samples missing from an epoch (with `.reject`), a sample whose label changes.
  public static func read(
    from path: String, missing: MissingLogEntries = .reject, sampleCount: Int? = nil
  ) throws -> LossLog {
    try load(path: path, missing: missing, indexCount: sampleCount)
  }

  /// Parses and checks CSV bytes; `name` stands for the file in error messages.
  public static func parse(
    csv bytes: [UInt8], name: String = "loss log", missing: MissingLogEntries = .reject,
    sampleCount: Int? = nil
  ) throws -> LossLog {
    try load(bytes: bytes, name: name, missing: missing, indexCount: sampleCount)
  }
}

extension LossLog: LongTableLog {
  static let indexColumn = "sample"
  static let valueColumn = "loss"
  static let allowsLabel = true

  init(table: LongTableReader.Table) throws {
    try self.init(sampleCount: table.indexCount, losses: table.values, labels: table.labels)
    fill = table.fill
  }
}
