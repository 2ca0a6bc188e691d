import PruneCore

extension Trainer {
  /// A checkpoint of the run at the current epoch boundary, with `rule`'s state.
  public func checkpoint<Rule: PruningRule>(of rule: Rule) -> TrainingCheckpoint<Rule.State> {
    TrainingCheckpoint(
      configuration: configuration, data: dataFingerprint, ruleName: rule.name,
      ruleParameters: rule.parameters, ruleSetup: rule.setup, nextEpoch: nextEpoch,
      hasStoppedEarly: hasStoppedEarly, network: network.state, optimizer: optimizer.state,
      scheduler: scheduler, ruleState: rule.state, records: records)
  }

  /// Restores a checkpoint into this trainer and `rule`, so ``train(_:hooks:)`` continues
  /// where the checkpointed run stopped and ends with the same bytes.
  ///
  /// - Parameters:
  ///   - checkpoint: A checkpoint from a run with the same configuration, data and rule.
  ///   - rule: A fresh rule built like the original one.
  /// - Throws: ``MiniCNNError/incompatibleState(reason:)`` naming what differs (format,
  ///   configuration fields, data, rule name, parameters or setup); the network's, optimiser's
  ///   or rule's own restore errors.
  public func resume<Rule: PruningRule>(
    from checkpoint: TrainingCheckpoint<Rule.State>, rule: inout Rule
  ) throws {
    let current = TrainingCheckpoint<Rule.State>.currentFormatVersion
    guard checkpoint.formatVersion == current else {
      throw MiniCNNError.incompatibleState(
        reason: "checkpoint format \(checkpoint.formatVersion), this build reads \(current); "
          + "start the run again.")
    }
    guard checkpoint.configuration == configuration else {
      let fields = Self.differingFields(checkpoint.configuration, configuration)
      throw MiniCNNError.incompatibleState(
        reason: "the checkpoint was taken with other settings (\(fields.joined(separator: "; ")))"
          + "; resume with the original options.")
    }
    guard checkpoint.data == dataFingerprint else {
      throw MiniCNNError.incompatibleState(
        reason: "the checkpoint was taken on \(checkpoint.data), this run has "
          + "\(dataFingerprint); resume with the original data options.")
    }
    guard checkpoint.ruleName == rule.name, checkpoint.ruleParameters == rule.parameters,
      checkpoint.ruleSetup == rule.setup
    else {
      throw MiniCNNError.incompatibleState(
        reason: "the checkpoint is of rule \(checkpoint.ruleName) \(checkpoint.ruleParameters) "
          + "with \(checkpoint.ruleSetup), this run has \(rule.name) \(rule.parameters) with "
          + "\(rule.setup); resume with the original rule options.")
    }
    guard checkpoint.nextEpoch == checkpoint.records.count,
      checkpoint.nextEpoch <= configuration.epochs
    else {
      throw MiniCNNError.incompatibleState(
        reason: "the checkpoint's epoch counter \(checkpoint.nextEpoch) does not match its "
          + "\(checkpoint.records.count) epoch records; the file is damaged.")
    }
    try network.restore(checkpoint.network)
    try optimizer.restore(checkpoint.optimizer, parameters: network.parameters)
    scheduler = checkpoint.scheduler
    try rule.restore(checkpoint.ruleState)
    records = checkpoint.records
    nextEpoch = checkpoint.nextEpoch
    hasStoppedEarly = checkpoint.hasStoppedEarly
  }

  /// `name: saved -> now` for each stored property that differs.
  static func differingFields<T>(_ saved: T, _ now: T) -> [String] {
    let savedFields = Mirror(reflecting: saved).children
    let nowFields = Mirror(reflecting: now).children
    var differences: [String] = []
    for (a, b) in zip(savedFields, nowFields) {
      let before = String(describing: a.value)
      let after = String(describing: b.value)
      if before != after { differences.append("\(a.label ?? "?"): \(before) -> \(after)") }
    }
    return differences
  }
}
