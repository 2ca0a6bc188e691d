import PruneCore
import PruneSignals

extension SavingsCalibration {
  /// Calibrates on simulated runs: saved(p) is the summary's saved fraction of a fresh rule
  /// `rule(p)` run on a fresh source `source()` (per-sample outcomes off).
  ///
  /// Give the same source (same seed) for every p: then saved(p) is a deterministic function
  /// and the bisection's answer is reproducible.
  /// - Throws: see ``solve(_:)``; the closures' and the engine's errors.
  public func solve<Source: SignalSource>(
    rule: (Double) throws -> any PruningRule, source: () throws -> Source
  ) throws -> Result {
    try solve { p in
      var built = try rule(p)
      var signals = try source()
      return try Self.savedFraction(of: &built, on: &signals)
    }
  }

  /// Calibrates catalog rule `ruleName`'s option `option` (a command-line name such as
  /// `prune-ratio`, `rho` or `delta-end`) with the other options `options`, on `setup`.
  ///
  /// Example: the dynamic random baseline matched to a run that saved 0.27:
  /// ```swift
  /// let match = try SavingsCalibration(target: 0.27, range: 0...0.95, parameterName: "prune-ratio")
  ///   .solve(ruleNamed: "random", option: "prune-ratio", setup: setup) { try makeLearner() }
  /// ```
  /// - Throws: see ``solve(_:)``; the catalog's errors for an unknown rule, an option the rule
  ///   does not take or a value out of its range.
  public func solve<Source: SignalSource>(
    ruleNamed ruleName: String, option: String, options: RuleOptions = RuleOptions(),
    setup: TrainingSetup, source: () throws -> Source
  ) throws -> Result {
    try solve(
      rule: { p in
        var chosen = options
        try chosen.setValue("\(p)", forOption: option)
        return try RuleCatalog.makeRule(named: ruleName, options: chosen, setup: setup)
      }, source: source)
  }

  static func savedFraction<Rule: PruningRule, Source: SignalSource>(
    of rule: inout Rule, on source: inout Source
  ) throws -> Double {
    try Simulation.run(
      &rule, on: &source, options: SimulationOptions(recordsSampleOutcomes: false)
    ).summary.savedFraction
  }
}
