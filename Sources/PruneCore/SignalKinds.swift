/// The signals a pruning rule reads from the training loop.
///
/// A rule declares what it needs; the engine and the trainer refuse, with a clear error, to run a
/// rule on a source that lacks one (ARCHITECTURE.md, "the rule contract").
public struct SignalKinds: OptionSet, Sendable, Hashable, Codable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// One forward-time loss per sample of the batch (InfoBatch, RePB, SeTa with loss scores).
  public static let perSampleLoss = SignalKinds(rawValue: 1 << 0)
  /// The unweighted mean loss of the batch, L(B_t) (BLS).
  public static let batchMeanLoss = SignalKinds(rawValue: 1 << 1)
  /// The batch's activation-spread statistic X̄ (B-PAS).
  public static let activationStatistic = SignalKinds(rawValue: 1 << 2)

  public var description: String {
    var names: [String] = []
    if contains(.perSampleLoss) { names.append("per-sample loss") }
    if contains(.batchMeanLoss) { names.append("batch mean loss") }
    if contains(.activationStatistic) { names.append("activation statistic") }
    return names.isEmpty ? "none" : names.joined(separator: ", ")
  }
}
