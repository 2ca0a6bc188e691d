import PruneCore

/// One rule configuration of an end-to-end comparison: a label and the catalog's name and
/// options (the same spelling as `prunelab train --rule NAME --OPTION VALUE`).
public struct RuleChoice: Sendable, Hashable {
  /// The label in tables and figures ("infobatch r=0.5").
  public let label: String
  /// The catalog name (`RuleCatalog.ruleNames`).
  public let ruleName: String
  /// Option name-value pairs, in order.
  public let options: [Pair]

  /// An option name and its value, as on the command line.
  public struct Pair: Sendable, Hashable {
    public let name: String
    public let value: String
  }

  public init(label: String, ruleName: String, options: [(String, String)] = []) {
    self.label = label
    self.ruleName = ruleName
    self.options = options.map { Pair(name: $0.0, value: $0.1) }
  }

  /// The options as `name=value` words, for setting tables.
  public var optionText: String {
    options.isEmpty ? "defaults" : options.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
  }

  /// Builds the rule through ``PruneCore/RuleCatalog``.
  func makeRule(setup: TrainingSetup) throws -> any PruningRule {
    var parsed = RuleOptions()
    for pair in options { try parsed.setValue(pair.value, forOption: pair.name) }
    return try RuleCatalog.makeRule(named: ruleName, options: parsed, setup: setup)
  }

  /// Trains (or fetches from the store) seed k of this choice.
  ///
  /// - Parameter isDerivedFromPlaceholder: The options were computed from runs the store does
  ///   not hold yet (``RunProvider``).
  func train(
    with training: EndToEndTraining, baseSeed: UInt64, seedIndex: Int,
    plannedEpochs: Int? = nil, measuresActivations: Bool = false,
    isDerivedFromPlaceholder: Bool = false
  ) throws -> TrainingRunOutcome {
    let seed = EndToEndTraining.seed(base: baseSeed, index: seedIndex)
    let rule = try makeRule(setup: training.setup(seed: seed, plannedEpochs: plannedEpochs))
    return try training.run(
      rule, label: label, seedIndex: seedIndex, seed: seed,
      measuresActivations: measuresActivations,
      isDerivedFromPlaceholder: isDerivedFromPlaceholder)
  }

  /// Trains every seed of the workload (or `seedCount` seeds), in seed order.
  func trainAllSeeds(
    with training: EndToEndTraining, baseSeed: UInt64, plannedEpochs: Int? = nil,
    measuresActivations: Bool = false, seedCount: Int? = nil,
    isDerivedFromPlaceholder: Bool = false
  ) throws -> [TrainingRunOutcome] {
    try (0..<(seedCount ?? training.workload.seedCount)).map {
      try train(
        with: training, baseSeed: baseSeed, seedIndex: $0, plannedEpochs: plannedEpochs,
        measuresActivations: measuresActivations,
        isDerivedFromPlaceholder: isDerivedFromPlaceholder)
    }
  }

  /// Full data: every sample every epoch (the accuracy reference).
  public static let fullData = RuleChoice(label: "full data", ruleName: "full")
}
