import PruneCore
import PruneSignals

/// IB-8: where to prune (InfoBatch, Qin et al. ICLR 2024, Table 5, CIFAR-100 ResNet-50: pruning
/// H < mean 80.6 at 33% pruned, H > mean 80.5 at 16%, random with rescaling and annealing 80.5
/// at 16% and at 33%, full data 80.6; claims.md "Added claims" IB-8; algorithms.md Part A
/// "InfoBatch" and §1.2; cnn.md "Accuracy").
///
/// Runs, on the mini-CNN:
/// - InfoBatch at its defaults (candidates H < mean) and full data: X-1's runs, with its
///   reference seeds (shared through the run store);
/// - InfoBatch with `--pruned-side above-mean` (candidates H > mean);
/// - random pruning with rescaling and annealing, `infobatch --pruned-side any` (every sample a
///   candidate, weight 1/keep, annealed like the defaults), its prune ratio set so it saves what
///   the defaults measured: `r = saved E / P`, P the epochs that prune. The small profiles also
///   match the above-mean run's saving; the paper profile leaves that row out to stay within
///   its run budget (it is not part of the statement tested).
///
/// The statement, as evidence checks: the default is at least as accurate as random at its
/// saving and as pruning above the mean; pruning above the mean saves less; and the reason,
/// a right-skewed loss distribution, measured on a per-sample loss log of the mini-CNN
/// (``LossSkewness``; the committed Fashion-MNIST log of the stress page, ``CommittedLossLog``),
/// where a symmetric distribution would fail.
public struct IB8WhereToPrune: VariableClaim {
  public let id = "IB-8"
  public let family = ClaimFamily.infoBatch
  public let title = "Where to prune: below or above the mean loss"

  /// The per-sample loss log whose skewness is measured (nil: none available).
  let lossLog: @Sendable () throws -> LossLog?

  public init() {
    self.init(lossLog: { try CommittedLossLog.fashionMNIST() })
  }

  init(lossLog: @escaping @Sendable () throws -> LossLog?) {
    self.lossLog = lossLog
  }

  /// One row of the paper's Table 5.
  enum Variant: String, CaseIterable, Sendable, Hashable {
    case belowMean, aboveMean, randomAtBelow, randomAtAbove, full

    var label: String {
      switch self {
      case .belowMean: return "prune H < mean (defaults)"
      case .aboveMean: return "prune H > mean"
      case .randomAtBelow: return "random + rescale + anneal at H < mean's saving"
      case .randomAtAbove: return "random + rescale + anneal at H > mean's saving"
      case .full: return RuleChoice.fullData.label
      }
    }

    /// The paper's accuracy and share pruned (Table 5, CIFAR-100 ResNet-50), in percent.
    var paper: (accuracy: Double, pruned: Double) {
      switch self {
      case .belowMean: return (80.6, 33)
      case .aboveMean: return (80.5, 16)
      case .randomAtBelow: return (80.5, 33)
      case .randomAtAbove: return (80.5, 16)
      case .full: return (80.6, 0)
      }
    }
  }

  /// The random rows a profile trains: both savings in the small profiles, the default's in the
  /// paper profile (its budget: IB-7 and IB-8 add at most about 15 runs).
  static func randomRows(for profile: RunProfile) -> [Variant] {
    profile.pick(small: [.randomAtBelow, .randomAtAbove], paper: [.randomAtBelow])
  }

  /// The prune ratio of `--pruned-side any` that saves `saved` over `epochs` epochs with
  /// InfoBatch's annealing (delta 0.875): it prunes r of the N samples in each of the P epochs
  /// that prune (never epoch 0, none after E delta; algorithms.md §1.3), so saved = r P / E.
  /// Rounded to 4 decimals (a short exact spelling in the run's fingerprint), at most 0.9 (the
  /// package's keep ratio floor, §1.1).
  static func randomRatio(saved: Double, epochs: Int) -> String {
    let delta = InfoBatchConfiguration.standard.delta
    let pruning = (0..<epochs).filter {
      Annealing.prunes(epoch: $0, plannedEpochs: epochs, delta: delta)
    }.count
    guard pruning > 0, saved.isFinite else { return "0.0" }
    let r = min(0.9, max(0, saved * Double(epochs) / Double(pruning)))
    return MatchedPruning.rounded(r)
  }

  /// The negative control's ``Fault/assumptionBroken`` symmetrises the loss log
  /// (``LossSkewness/symmetrized(_:)``).
  public func run(
    in context: ClaimContext, workload: EndToEndWorkload, variation: ClaimVariation
  ) throws -> ClaimResult {
    let training = try EndToEndTraining(workload: workload, context: context)
    let profile = context.runProfile
    var runs: [Variant: [TrainingRunOutcome]] = [:]
    var choices: [Variant: RuleChoice] = [:]
    let fixed: [(Variant, RuleChoice, Int?)] = [
      (.full, RuleChoice.fullData, profile.referenceSeedCount),
      (
        .belowMean, RuleChoice(label: Variant.belowMean.label, ruleName: "infobatch"),
        profile.referenceSeedCount
      ),
      (
        .aboveMean,
        RuleChoice(
          label: Variant.aboveMean.label, ruleName: "infobatch",
          options: [("pruned-side", "above-mean")]), nil
      ),
    ]
    let randomRows = Self.randomRows(for: profile)
    let total = Double(fixed.count + randomRows.count)
    for (index, (variant, choice, seeds)) in fixed.enumerated() {
      context.progress(Double(index) / total, variant.label)
      choices[variant] = choice
      runs[variant] = try choice.trainAllSeeds(
        with: training, baseSeed: context.seed, seedCount: seeds)
    }
    for (index, variant) in randomRows.enumerated() {
      let source = runs[variant == .randomAtBelow ? .belowMean : .aboveMean] ?? []
      let saved = SeedStatistics(source.map(\.savedFraction)).mean
      let choice = RuleChoice(
        label: variant.label, ruleName: "infobatch",
        options: [
          ("pruned-side", "any"),
          ("prune-ratio", Self.randomRatio(saved: saved, epochs: workload.epochs)),
        ])
      context.progress(Double(fixed.count + index) / total, variant.label)
      choices[variant] = choice
      runs[variant] = try choice.trainAllSeeds(
        with: training, baseSeed: context.seed,
        isDerivedFromPlaceholder: source.contains(where: \.isPlaceholder))
    }
    var log = try lossLog()
    if variation.fault == .assumptionBroken, let original = log {
      log = try LossSkewness.symmetrized(original)
    }
    let skew = log.map {
      LossSkewness(log: $0, epochs: 1..<$0.epochCount, seed: context.seed)
    }
    return result(
      Outcomes(runs: runs, choices: choices), skewness: skew, fault: variation.fault,
      setting: workload.settingRows)
  }

  /// The runs of each variant, in seed order, and the rule options used.
  struct Outcomes: Sendable {
    var runs: [Variant: [TrainingRunOutcome]] = [:]
    var choices: [Variant: RuleChoice] = [:]

    subscript(_ variant: Variant) -> [TrainingRunOutcome] { runs[variant] ?? [] }
  }
}
