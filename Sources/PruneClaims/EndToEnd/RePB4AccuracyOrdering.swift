/// RePB-4: at matched pruning, accuracy orders RePB >= InfoBatch >= dynamic random (claims.md
/// RePB-4; paper CIFAR-10 ResNet-18: 95.6/95.4/94.9 vs InfoBatch 95.6/95.0/94.4 at 30/50/70%).
///
/// For each nominal ratio r: RePB with rho = r, InfoBatch with prune ratio r, and dynamic random
/// pruning whose ratio is set so that its saved fraction equals InfoBatch's measured mean
/// (`r_random = saved_IB E / (E - 1)`, since random pruning skips epoch 0). RePB's saving is not
/// set directly by rho, so a third check reports whether it matched InfoBatch's (tolerance
/// 0.05): an ordering at unequal savings would not be the paper's claim.
public struct RePB4AccuracyOrdering: Claim {
  public let id = "RePB-4"
  public let family = ClaimFamily.repb
  public let title = "Accuracy ordering at matched pruning on the mini-CNN"

  static let savedTolerance = 0.05

  public init() {}

  static func ratios(for profile: RunProfile) -> [Double] {
    profile.pick(small: [0.5], paper: [0.3, 0.5, 0.7])
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(in: context, workload: context.runProfile.workload)
  }

  func run(in context: ClaimContext, workload: EndToEndWorkload) throws -> ClaimResult {
    let training = try EndToEndTraining(workload: workload, context: context)
    let ratios = Self.ratios(for: context.runProfile)
    var outcomes: [TrainingRunOutcome] = []
    var groups: [(String, [TrainingRunOutcome])] = []
    var checks: [ClaimCheck] = []
    var choices: [(String, String)] = []
    for (index, r) in ratios.enumerated() {
      context.progress(Double(index) / Double(ratios.count), "r = \(r)")
      let repb = RuleChoice(
        label: "repb rho=\(r)", ruleName: "repb", options: [("rho", "\(r)")])
      let infoBatch = RuleChoice(
        label: "infobatch r=\(r)", ruleName: "infobatch", options: [("prune-ratio", "\(r)")])
      let repbRuns = try repb.trainAllSeeds(with: training, baseSeed: context.seed)
      let infoBatchRuns = try infoBatch.trainAllSeeds(with: training, baseSeed: context.seed)
      let randomRatio = X1LosslessFrontier.randomRatio(
        saved: SeedStatistics(infoBatchRuns.map(\.savedFraction)).mean, epochs: workload.epochs)
      let random = RuleChoice(
        label: "random matched to infobatch r=\(r)", ruleName: "random",
        options: [("prune-ratio", randomRatio)])
      let randomRuns = try random.trainAllSeeds(
        with: training, baseSeed: context.seed,
        isDerivedFromPlaceholder: infoBatchRuns.contains(where: \.isPlaceholder))
      outcomes += repbRuns + infoBatchRuns + randomRuns
      groups += [
        (repb.label, repbRuns), (infoBatch.label, infoBatchRuns), (random.label, randomRuns),
      ]
      choices += [repb, infoBatch, random].map { ($0.label, $0.optionText) }
      let setting = "nominal r = \(r)"
      checks.append(
        EndToEndTables.atLeastCheck(
          setting: setting, quantity: "accuracy, repb - infobatch",
          a: repbRuns.map(\.finalAccuracy), b: infoBatchRuns.map(\.finalAccuracy)))
      checks.append(
        EndToEndTables.atLeastCheck(
          setting: setting, quantity: "accuracy, infobatch - random",
          a: infoBatchRuns.map(\.finalAccuracy), b: randomRuns.map(\.finalAccuracy)))
      checks.append(
        EndToEndTables.equalCheck(
          setting: setting, quantity: "saved fraction, repb - infobatch (matched pruning)",
          a: repbRuns.map(\.savedFraction), b: infoBatchRuns.map(\.savedFraction),
          tolerance: Self.savedTolerance))
    }
    return ClaimResult(
      id: id, family: family, title: title,
      statement: "At matched pruning ratios RePB's final accuracy is at least InfoBatch's, and "
        + "InfoBatch's at least dynamic random pruning's.",
      equation: "acc(RePB) >= acc(InfoBatch) >= acc(Random)   at equal saved fraction",
      setting: workload.settingRows + choices
        + [("matching", "random ratio = InfoBatch's mean saved fraction x E/(E-1)")],
      checks: checks,
      tables: [EndToEndTables.summary(groups), EndToEndTables.runs(outcomes)],
      discussion: "Orderings are tested on paired differences (same seed, same initialisation) "
        + "with tolerance 0: a check holds when the mean difference is >= 0, fails when it is "
        + "below 0 by more than two standard errors, and is inconclusive otherwise. The "
        + "matched-saving check says whether RePB's rho gave the same saving as InfoBatch's "
        + "ratio; when it did not, the accuracy ordering compares unequal budgets. Random's "
        + "ratio was matched to InfoBatch, not to RePB.")
  }
}
