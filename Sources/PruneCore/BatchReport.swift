/// What the training loop tells a rule about one batch it just trained on.
///
/// Signals are measured in the training forward, *before* the optimiser step (RePB's W = 1 needs
/// scores from the same model state; B-PAS reads train-mode activations).
public struct BatchReport: Sendable {
  /// The 0-based epoch.
  public var epoch: Int
  /// The batch's position in the epoch's plan.
  public var position: Int
  /// The batch's logical id (``EpochPlan/batchIDs``).
  public var batchID: Int
  /// The sample indices of the batch, in the order they were trained.
  public var samples: ArraySlice<Int>
  /// Per-sample forward losses, parallel to ``samples``, when the source has them.
  public var losses: ArraySlice<Double>?
  /// The unweighted batch mean loss L(B_t), when the source has it.
  public var meanLoss: Double?
  /// The batch's activation statistic X̄ (mean over taps of the unbiased std), when available.
  public var activationStatistic: Double?

  public init(
    epoch: Int, position: Int, batchID: Int, samples: ArraySlice<Int>,
    losses: ArraySlice<Double>? = nil, meanLoss: Double? = nil,
    activationStatistic: Double? = nil
  ) {
    self.epoch = epoch
    self.position = position
    self.batchID = batchID
    self.samples = samples
    self.losses = losses
    self.meanLoss = meanLoss
    self.activationStatistic = activationStatistic
  }

  /// The signals this report carries. A mean loss can always be derived from per-sample losses.
  public var availableSignals: SignalKinds {
    var kinds: SignalKinds = []
    if losses != nil { kinds.formUnion([.perSampleLoss, .batchMeanLoss]) }
    if meanLoss != nil { kinds.insert(.batchMeanLoss) }
    if activationStatistic != nil { kinds.insert(.activationStatistic) }
    return kinds
  }

  /// L(B_t): the reported mean, or the mean of the per-sample losses.
  public var batchMeanLoss: Double? {
    if let meanLoss { return meanLoss }
    guard let losses, !losses.isEmpty else { return nil }
    var total = 0.0
    for l in losses { total += l }
    return total / Double(losses.count)
  }
}
