import PruneCore

extension Trainer {
  /// The signals this trainer reports: per-sample loss and batch mean loss always, X̄ unless
  /// ``ActivationMeasurement/never``.
  public var providedSignals: SignalKinds {
    configuration.activationMeasurement == .never
      ? [.perSampleLoss, .batchMeanLoss]
      : [.perSampleLoss, .batchMeanLoss, .activationStatistic]
  }

  /// Whether X̄ is measured for `rule`.
  func measuresActivations<Rule: PruningRule>(for rule: Rule) -> Bool {
    switch configuration.activationMeasurement {
    case .always: return true
    case .never: return false
    case .whenRequired: return rule.requiredSignals.contains(.activationStatistic)
    }
  }

  /// Refuses a rule this run cannot serve: one that needs a signal the trainer does not
  /// provide, or one built for another N, batch size or number of epochs.
  ///
  /// - Throws: ``MiniCNNError/inconsistent(parameters:reason:)`` naming the value and the fix.
  public func checkCompatibility<Rule: PruningRule>(of rule: Rule) throws {
    let missing = rule.requiredSignals.subtracting(providedSignals)
    guard missing.isEmpty else {
      throw MiniCNNError.inconsistent(
        parameters: "rule \(rule.name), activationMeasurement",
        reason: "the rule needs the \(missing) of every batch, but the trainer is set to "
          + "measure activations \(configuration.activationMeasurement.rawValue); use "
          + "whenRequired or always.")
    }
    let setup = rule.setup
    let checks: [(String, Int, Int)] = [
      ("sampleCount", setup.sampleCount, data.train.sampleCount),
      ("batchSize", setup.batchSize, configuration.batchSize),
      ("epochs", setup.plannedEpochs, configuration.epochs),
    ]
    for (name, ruleValue, trainerValue) in checks where ruleValue != trainerValue {
      throw MiniCNNError.inconsistent(
        parameters: "rule \(rule.name) \(name)",
        reason: "the rule was built for \(name) = \(ruleValue) but the trainer runs \(name) = "
          + "\(trainerValue); build the rule from Trainer.ruleSetup(seed:).")
    }
  }

  /// Checks a plan before training on it: its epoch, batches that are not empty, indices in
  /// `0..<N`.
  func validate(_ plan: EpochPlan, epoch: Int) throws {
    guard plan.epoch == epoch else {
      throw MiniCNNError.inconsistent(
        parameters: "plan.epoch",
        reason: "the rule answered epoch \(epoch) with a plan for epoch \(plan.epoch); the rule "
          + "is broken.")
    }
    for position in 0..<plan.batchCount where plan.range(ofBatch: position).isEmpty {
      throw MiniCNNError.inconsistent(
        parameters: "plan of epoch \(epoch)",
        reason: "batch \(position) is empty; a plan's batches must hold at least one sample.")
    }
    let n = data.train.sampleCount
    if let bad = plan.samples.first(where: { $0 < 0 || $0 >= n }) {
      throw MiniCNNError.inconsistent(
        parameters: "plan of epoch \(epoch)",
        reason: "sample index \(bad) is outside 0..<\(n); the rule was built for another "
          + "data set.")
    }
  }
}
