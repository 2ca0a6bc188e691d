extension RuleCatalog {
  /// The rules after `full` and `infobatch` (kept apart to keep each file short).
  static func makeOtherRule(
    named name: String, options: RuleOptions, setup: TrainingSetup
  ) throws -> any PruningRule {
    throw PruneCoreError.inconsistent(
      parameters: "rule", reason: "rule \(name) is listed but not built yet in this version.")
  }
}
