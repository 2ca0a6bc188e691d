import PruneSignals

/// The synthetic-learner settings the BLS claims share (BLS-2, BLS-3, BLS-4).
///
/// "Slow": a sample loses its excess loss over about a thousand visits and a measurement varies by
/// 2%, so its loss changes slowly from one visit to the next (the BLS paper's assumption).
/// "Fast": the same learner with 80% per-visit measurement noise, so the loss a sample shows
/// changes quickly and its own sequence is nearly white.
enum BlsSignalSettings {
  static func slowLearner() throws -> LearnerConfiguration {
    try LearnerConfiguration(learningSpeed: 0.0015, globalSpeed: 0.0001, noiseLevel: 0.02)
  }

  static func fastLearner() throws -> LearnerConfiguration {
    try LearnerConfiguration(learningSpeed: 0.0015, globalSpeed: 0.0001, noiseLevel: 0.8)
  }

  /// A description of a learner for the setting tables.
  static func describe(_ configuration: LearnerConfiguration) -> String {
    "SyntheticLearner: learningSpeed \(configuration.learningSpeed), globalSpeed "
      + "\(configuration.globalSpeed), noiseLevel \(configuration.noiseLevel), difficulty "
      + "\(configuration.difficulty.summary), initial loss ln 10"
  }

  /// Every `stride`-th sample, `count` of them: the samples whose view is followed.
  static func trackedSamples(count: Int, of sampleCount: Int) -> [Int] {
    let stride = max(1, sampleCount / count)
    return (0..<min(count, sampleCount)).map { $0 * stride }
  }
}
