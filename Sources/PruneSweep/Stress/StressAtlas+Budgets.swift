import PruneCore
import PruneEngine

extension StressAtlas {
  /// How one rule's budget was set: the option, the value found, the saving it gave at the
  /// base conditions, or why the default was kept.
  public struct Budget: Sendable, Hashable {
    public let rule: String
    public let option: String
    public let value: Double?
    public let savedFraction: Double?
    public let note: String
  }

  /// The atlas with every rule's budget option (``StressRule/budget``) set so that the rule
  /// saves `target` (± `tolerance`) at the base conditions, first seed: the rules then compare
  /// at one budget, and each point's matched random follows the rule's own saving as the knob
  /// moves. A rule whose range cannot reach the target keeps its default (reported).
  /// - Throws: the engine's errors other than an unreachable or unresolved target.
  public func calibrated(target: Double, tolerance: Double) throws -> (StressAtlas, [Budget]) {
    let trainingSetup = try TrainingSetup(
      sampleCount: setup.samples, batchSize: setup.batchSize, plannedEpochs: setup.epochs,
      seed: setup.baseSeed)
    var rules: [StressRule] = []
    var budgets: [Budget] = []
    for rule in self.rules {
      guard let budget = rule.budget else {
        rules.append(rule)
        continue
      }
      let calibration = try SavingsCalibration(
        target: target, range: budget.range, tolerance: tolerance, scale: budget.scale,
        parameterName: budget.option)
      do {
        let found = try calibration.solve(
          ruleNamed: rule.catalogName, option: budget.option, options: rule.options,
          setup: trainingSetup
        ) { try SweepRunner.source(setup.base, trainingSetup) }
        var changed = rule
        try changed.options.setValue("\(found.parameter)", forOption: budget.option)
        rules.append(changed)
        budgets.append(
          Budget(
            rule: rule.name, option: budget.option, value: found.parameter,
            savedFraction: found.savedFraction, note: "\(found.evaluations.count) runs"))
      } catch let error as PruneEngineError {
        switch error {
        case .savingsUnreachable, .savingsNotResolved, .savingsNotMonotone:
          rules.append(rule)
          budgets.append(
            Budget(
              rule: rule.name, option: budget.option, value: nil, savedFraction: nil,
              note: "default kept: \(error)"))
        default: throw error
        }
      }
    }
    return (try StressAtlas(setup: setup, rules: rules, knobs: knobs), budgets)
  }
}
