/// What one training step measured, all in the forward pass *before* the optimiser update
/// (cnn.md: the signal InfoBatch, BLS and RePB read; RePB's W = 1 needs it).
public struct StepResult: Sendable, Equatable {
  /// `l_i`, one per sample, in batch order (label-smoothed when smoothing is on).
  public var perSampleLosses: [Double]
  /// The unweighted mean `(1/B) sum l_i`, L(B_t) of BLS.
  public var meanLoss: Double
  /// The loss the step descended, `(1/B) sum w_i l_i`.
  public var weightedLoss: Double
  /// B-PAS's X̄: the mean over the taps of each tap's unbiased std, or nil when not measured.
  public var activationStatistic: Double?
  /// Each tap's unbiased std (empty when not measured).
  public var tapStandardDeviations: [Double]
}

/// The result of evaluating the network in eval mode over a labelled set.
public struct Evaluation: Sendable, Equatable {
  /// The fraction of samples whose largest logit is the label's (first largest on ties).
  public var accuracy: Double
  /// The mean plain (unsmoothed, unweighted) cross-entropy.
  public var meanLoss: Double
  /// The number of samples evaluated.
  public var sampleCount: Int
  /// The number classified correctly.
  public var correctCount: Int
}
