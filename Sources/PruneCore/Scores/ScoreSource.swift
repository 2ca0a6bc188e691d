/// Where a loss-based selector gets its per-sample scores from.
///
/// Score source and selector are separate (ARCHITECTURE.md, "the rule contract"): InfoBatch, SeTa,
/// RePB and hard pruning read ``scores`` and never compute them. ``LossScore`` overwrites a score
/// with the sample's raw forward loss (InfoBatch, algorithms.md §1.4); ``BatchLossScore`` (BLS,
/// algorithms.md §2) moves every member of a batch towards the batch mean loss, so a selector can
/// run on a loop that only knows L(B_t).
public protocol ScoreSource: Sendable {
  /// Everything the source remembers, for checkpoint and resume.
  associatedtype State: Codable & Sendable & Equatable

  /// The source's command-line name (`loss`, `bls`).
  var name: String { get }
  /// The signals ``update(with:)`` needs in every report.
  var requiredSignals: SignalKinds { get }
  /// How a host that reweights should combine weights and losses: per sample, or the batch's mean
  /// weight times the batch mean loss (the official BLS code, algorithms.md §2.2).
  var rescaling: EpochPlan.Rescaling { get }
  /// The source's parameters, by name, for manifests.
  var parameters: [String: String] { get }
  /// One score per sample, indexed by sample.
  var scores: [Double] { get }

  /// Takes one trained batch's signals and updates the scores of its members.
  /// - Throws: ``PruneCoreError/nonFiniteSignal(signal:epoch:sample:value:)`` for a NaN or infinite
  ///   loss, ``PruneCoreError/missingSignal(rule:signal:)`` when the needed signal is absent,
  ///   ``PruneCoreError/unexpectedBatch(epoch:detail:)`` for a sample index outside the data.
  mutating func update(with report: BatchReport) throws

  /// A snapshot of the scores and counters.
  var state: State { get }
  /// Restores a snapshot taken by ``state`` from a source of the same size and configuration.
  mutating func restore(_ state: State) throws
}

extension ScoreSource {
  /// Checks that every sample of `report` lies in `0..<sampleCount`.
  @usableFromInline
  internal func checkSampleRange(of report: BatchReport, sampleCount: Int) throws {
    // One unsigned comparison per sample (a negative index wraps above any count).
    let outside = report.samples.withUnsafeBufferPointer { samples in
      samples.firstIndex { UInt(bitPattern: $0) >= UInt(sampleCount) }.map { samples[$0] }
    }
    if let sample = outside {
      throw PruneCoreError.unexpectedBatch(
        epoch: report.epoch,
        detail: "sample \(sample) is outside 0..<\(sampleCount); report only planned samples.")
    }
  }
}
