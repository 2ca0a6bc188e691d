/// IB-7: the ablation of InfoBatch's operations on the mini-CNN (InfoBatch, Qin et al. ICLR 2024,
/// Table 4: CIFAR-100 at r = 0.5, R-18 dynamic random 77.3, soft prune only 77.5, soft + rescale
/// 78.1, soft + anneal 77.7, soft + rescale + anneal 78.2, full 78.2; claims.md "Added claims"
/// IB-7; algorithms.md Part A "InfoBatch" and §1.2–1.3; cnn.md "Accuracy").
///
/// Every variant is InfoBatch at r = 0.5 with its operations switched (`--rescale false`,
/// `--anneal false`: options, defaults unchanged), plus two references:
/// - full data and soft + rescale + anneal (InfoBatch's defaults) are X-1's runs, with its
///   reference seeds (the run store trains them once);
/// - dynamic random pruning is X-1's "random at infobatch's saving": uniform pruning of all
///   samples, no rescaling, at the saving InfoBatch's defaults measured. We compare at
///   InfoBatch's saving rather than at r = 0.5 over all samples, which would save about
///   r (E - 1)/E = 47.5% against InfoBatch's ~30% and so judge *which* samples are pruned by
///   *how many*; and the runs are shared with X-1 (no new run).
///
/// The paper's statement, as evidence checks on seed-paired accuracy differences (tolerance 0,
/// uncertainty the paired standard error; cnn.md's lossless tolerance for "≈ full"):
/// random <= soft <= soft + rescale + anneal ≈ full, and rescaling contributing more than
/// annealing (acc(soft + rescale) - acc(soft) >= acc(soft + anneal) - acc(soft)).
public struct IB7Ablation: WorkloadClaim {
  public let id = "IB-7"
  public let family = ClaimFamily.infoBatch
  public let title = "Ablation of InfoBatch's operations on the mini-CNN"

  public init() {}

  /// One row of the paper's Table 4.
  enum Variant: String, CaseIterable, Sendable, Hashable {
    case random, soft, softRescale, softAnneal, softRescaleAnneal, full

    /// The label in tables.
    var label: String {
      switch self {
      // X-1's label: a pending run (its ratio waits for InfoBatch's runs) is known by its
      // fingerprint and label, so the shared runs are listed once (RunProvider).
      case .random: return X1LosslessFrontier.randomAtInfoBatchSaving.label
      case .soft: return "soft prune only"
      case .softRescale: return "soft + rescale"
      case .softAnneal: return "soft + anneal"
      case .softRescaleAnneal: return "soft + rescale + anneal (defaults)"
      case .full: return RuleChoice.fullData.label
      }
    }

    /// The paper's accuracies (Table 4, CIFAR-100): ResNet-18, ResNet-50.
    var paper: (r18: Double, r50: Double) {
      switch self {
      case .random: return (77.3, 79.7)
      case .soft: return (77.5, 79.9)
      case .softRescale: return (78.1, 80.3)
      case .softAnneal: return (77.7, 80.0)
      case .softRescaleAnneal: return (78.2, 80.6)
      case .full: return (78.2, 80.6)
      }
    }

    /// The rule of a variant whose options do not depend on another run (all but random).
    var choice: RuleChoice? {
      switch self {
      case .random: return nil
      case .soft:
        return RuleChoice(
          label: label, ruleName: "infobatch", options: [("rescale", "false"), ("anneal", "false")])
      case .softRescale:
        return RuleChoice(label: label, ruleName: "infobatch", options: [("anneal", "false")])
      case .softAnneal:
        return RuleChoice(label: label, ruleName: "infobatch", options: [("rescale", "false")])
      case .softRescaleAnneal: return RuleChoice(label: label, ruleName: "infobatch")
      case .full: return RuleChoice.fullData
      }
    }

    /// Full data and InfoBatch's defaults are X-1's references, with its reference seeds.
    var isReference: Bool { self == .full || self == .softRescaleAnneal }
  }

  /// The runs of each variant, in seed order, and the rule options used.
  struct Outcomes: Sendable {
    var runs: [Variant: [TrainingRunOutcome]] = [:]
    var choices: [Variant: RuleChoice] = [:]

    /// The runs of `variant` (none when it was not trained).
    subscript(_ variant: Variant) -> [TrainingRunOutcome] { runs[variant] ?? [] }
  }

  public func run(in context: ClaimContext, workload: EndToEndWorkload) throws -> ClaimResult {
    let training = try EndToEndTraining(workload: workload, context: context)
    let referenceSeeds = context.runProfile.referenceSeedCount
    var outcomes = Outcomes()
    let trained: [Variant] = [.full, .softRescaleAnneal, .soft, .softRescale, .softAnneal]
    for (index, variant) in trained.enumerated() {
      guard let choice = variant.choice else { continue }
      context.progress(Double(index) / Double(trained.count + 1), variant.label)
      outcomes.choices[variant] = choice
      outcomes.runs[variant] = try choice.trainAllSeeds(
        with: training, baseSeed: context.seed,
        seedCount: variant.isReference ? referenceSeeds : nil)
    }
    let infoBatch = outcomes[.softRescaleAnneal]
    let saved = SeedStatistics(infoBatch.map(\.savedFraction)).mean
    // The same spelling as X-1's random at InfoBatch's saving, so the runs are shared.
    let random = RuleChoice(
      label: Variant.random.label, ruleName: "random",
      options: [
        ("prune-ratio", X1LosslessFrontier.randomRatio(saved: saved, epochs: workload.epochs))
      ])
    context.progress(Double(trained.count) / Double(trained.count + 1), random.label)
    outcomes.choices[.random] = random
    outcomes.runs[.random] = try random.trainAllSeeds(
      with: training, baseSeed: context.seed,
      isDerivedFromPlaceholder: infoBatch.contains(where: \.isPlaceholder))
    return result(outcomes, setting: workload.settingRows)
  }
}
