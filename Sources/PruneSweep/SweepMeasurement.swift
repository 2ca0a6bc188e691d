import PruneAnalysis
import PruneEngine
import PruneSignals

/// What a sweep measures at one point: how much the rule saved and what it cost the simulated
/// model, next to full data under the same noise and seed.
///
/// The synthetic learner knows what a real run hides: each sample's expected (noise-free) loss
/// μ_i, its difficulty d_i and whether its label is wrong (PruneSignals, `SyntheticLearner`).
/// So a sweep can say where a rule *breaks*: excess loss that grows with the noise, iterations
/// spent on mislabelled samples, or a rule that stops spending its iterations on hard samples.
public struct SweepMeasurement: Sendable, Hashable {
  /// 1 - sample-iterations trained / (N E).
  public var savedFraction: Double
  /// Mean μ_i over the clean samples after the last epoch.
  public var finalExpectedLoss: Double
  /// The same for full data, same settings and seed.
  public var fullDataFinalExpectedLoss: Double
  /// Spearman's rank correlation over the clean samples between difficulty d_i and the number of
  /// times sample i was trained (> 0: the rule spends iterations on hard samples); nil when
  /// either is constant (constant difficulty, or every sample trained alike as in full data).
  public var difficultySpearman: Double?
  /// (share of trained sample-iterations spent on mislabelled samples) / (their share of the
  /// data): 1 is neutral, above 1 the rule over-trains noise; nil without label noise.
  public var mislabelledIterationRatio: Double?

  /// finalExpectedLoss - fullDataFinalExpectedLoss: what pruning cost (> 0) or gained (< 0).
  public var excessLoss: Double { finalExpectedLoss - fullDataFinalExpectedLoss }

  /// Measures a finished run: its result (with per-sample outcomes) and its learner (through
  /// the data's copies, ``DuplicatedLearner``: a sample's loss and difficulty are its
  /// original's, and every copy counts as a sample of the data).
  ///
  /// - Parameters:
  ///   - fullDataLoss: ``finalExpectedLoss`` of full data under the same settings and seed
  ///     (nil: this run is full data).
  static func measure(
    _ result: SimulationResult, learner data: DuplicatedLearner, fullDataLoss: Double?
  ) -> SweepMeasurement {
    var learner = data.learner
    let n = data.sampleCount
    let lastEpoch = max(0, result.summary.epochsPlanned - 1)
    var clean: [Int] = []
    var mislabelled: [Int] = []
    for i in 0..<n {
      if learner.isMislabelled(data.learnerSample(i)) {
        mislabelled.append(i)
      } else {
        clean.append(i)
      }
    }
    var lossSum = 0.0
    for i in clean {
      lossSum += learner.expectedLoss(ofSample: data.learnerSample(i), epoch: lastEpoch)
    }
    let finalLoss = clean.isEmpty ? 0 : lossSum / Double(clean.count)

    let trained = result.samples?.timesTrained ?? []
    var spearman: Double?
    var ratio: Double?
    if trained.count == n {
      spearman = try? Correlation.spearman(
        clean.map { learner.difficulty(ofSample: data.learnerSample($0)) }, clean.map { Double(trained[$0]) })
      let total = trained.reduce(0, +)
      if !mislabelled.isEmpty, total > 0 {
        let onNoise = mislabelled.reduce(0) { $0 + trained[$1] }
        ratio = (Double(onNoise) / Double(total)) / (Double(mislabelled.count) / Double(n))
      }
    }
    return SweepMeasurement(
      savedFraction: result.summary.savedFraction, finalExpectedLoss: finalLoss,
      fullDataFinalExpectedLoss: fullDataLoss ?? finalLoss, difficultySpearman: spearman,
      mislabelledIterationRatio: ratio)
  }
}
