extension SyntheticLearner {
  /// A learner whose samples are given one by one instead of drawn: sample i learns at
  /// η / `difficulties[i]` (the learner's ``LearnerConfiguration/learningSpeed`` η), or never
  /// when `mislabelled[i]` (its expected loss stays at the noisy loss). Everything else (noise,
  /// forgetting, labels, global progress) is as in ``init(sampleCount:configuration:seed:)``
  /// with the same seed. This is the learner a fit of a real loss log describes sample by
  /// sample, so a rule's choices on it can be compared with its choices on the log itself.
  ///
  /// - Throws: ``PruneSignalsError/outOfRange(parameter:value:allowed:)`` for arrays of
  ///   different lengths, no sample, or a difficulty that is not finite and > 0 on a clean sample.
  public init(
    difficulties: [Double], mislabelled: [Bool], configuration: LearnerConfiguration,
    seed: UInt64
  ) throws {
    guard !difficulties.isEmpty, mislabelled.count == difficulties.count else {
      throw PruneSignalsError.outOfRange(
        parameter: "mislabelled flags", value: Double(mislabelled.count),
        allowed: "one per difficulty (\(difficulties.count)), at least one sample")
    }
    for (i, d) in difficulties.enumerated() where !mislabelled[i] && !(d > 0 && d.isFinite) {
      throw PruneSignalsError.outOfRange(
        parameter: "difficulty of sample \(i)", value: d, allowed: "finite numbers > 0")
    }
    try self.init(sampleCount: difficulties.count, configuration: configuration, seed: seed)
    for i in difficulties.indices {
      samples[i].rate = mislabelled[i] ? -1 : configuration.learningSpeed / difficulties[i]
    }
  }
}
