import PruneCore
import PruneEngine

/// Where RePB-4's matched ρ and r come from: short *trained* runs of each rule itself on 10% of
/// the data (issue 9 item 5, "a short calibration run"), so the calibration includes the
/// feedback of pruning on the model.
///
/// Why not the replay of a full-data loss log (``RePB4Calibration``, kept as a cross-check):
/// the replay trains every sample, so a sample the rule prunes keeps the loss of a model that
/// did train on it; the real pruned run's model does not, and its below-mean split differs. The
/// replay needs r = 0.548 for InfoBatch to save 30% on the paper profile, while X-1's CNN runs
/// at r = 0.5 save 30.5%. A probe trains the rule with that feedback.
///
/// The probes: for each rule a fixed grid of values known before any training (InfoBatch's r,
/// RePB's ρ; ``infoBatch``, ``repb``), each trained once with the profile's recipe (the
/// workload's batch size, OneCycle maximum, initialisation and epochs) on the same stratified
/// 10% subset as the full-data calibration run and B-PAS's (``BPASThresholdSetting``), seed 0
/// of the claim. They are store runs, trainable in parallel (`--shard`); each costs about a
/// tenth of a full run (ten probes about one full run). The runs built from them wait
/// (pending, ``RunProvider``) until every probe of their rule is stored.
///
/// The calibration: the probes' saved fractions s(p_i) give a monotone piecewise-linear curve
/// ŝ(p) (isotonic fit, ``PruneEngine/SavingsCurve``), and the matched value is its inverse
/// p = ŝ⁻¹(target), rounded to 4 decimals, with the curve's estimated interpolation error
/// shown beside it. A target more than 0.005 beyond what the grid saves is unreachable: no run
/// is trained at it and its orderings do not decide.
///
/// What the probes cannot remove: the subset takes a tenth of the steps per epoch of the full
/// run, so its losses (and below-mean splits) differ. The page therefore checks the method
/// where the full-data answer is known (``prediction(at:)``: InfoBatch at its defaults against
/// X-1's stored runs), and every pair's saving is measured on the CNN (±1 point).
struct RePB4Probes: Sendable {
  /// One rule's probe values.
  struct Grid: Sendable, Hashable {
    let rule: String
    let option: String
    let values: [String]
  }

  /// InfoBatch's r: its default 0.5 is a node (so the model check at the defaults reads a
  /// probe, not the line), denser below it where the 30% target lies, up to 0.9 where the rule
  /// stops (`prune-ratio` acts as 0.9 above).
  static let infoBatch = Grid(
    rule: "infobatch", option: "prune-ratio", values: ["0.3", "0.4", "0.5", "0.7", "0.9"])
  /// RePB's ρ: evenly over the span the replay put the 30/50/70% targets in (0.42..0.84).
  static let repb = Grid(rule: "repb", option: "rho", values: ["0.3", "0.45", "0.6", "0.75", "0.9"])

  /// A target may lie this far beyond the grid's savings and still count as reached (half the
  /// ±1 point matched band, ``SavingsCalibration``'s tolerance).
  static let reachTolerance = 0.005

  /// The matched value of one target.
  struct Match: Sendable, Hashable {
    /// The option's value, rounded to 4 decimals (part of the runs' fingerprints).
    let value: String
    /// ŝ(value) and the line's estimated error there (``PruneEngine/SavingsCurve``).
    let predictedSaving: Double
    let interpolationError: Double
    let isReachable: Bool
  }

  let grid: Grid
  /// One run per grid value, in grid order (placeholders while the store lacks them).
  let runs: [TrainingRunOutcome]
  /// The fitted curve; nil while a probe is not stored.
  let curve: SavingsCurve?

  var isPending: Bool { curve == nil }

  init(grid: Grid, runs: [TrainingRunOutcome]) throws {
    self.grid = grid
    self.runs = runs
    curve =
      runs.contains(where: \.isPlaceholder)
      ? nil
      : try SavingsCurve(
        points: zip(grid.values, runs).map {
          SavingsCalibration.Evaluation(parameter: Double($0)!, savedFraction: $1.savedFraction)
        }, parameterName: grid.option)
  }

  /// The probes of `grid` on `subset` (the 10% training), seed 0 of `baseSeed`: from the store,
  /// or trained in memory.
  static func train(_ grid: Grid, on subset: EndToEndTraining, baseSeed: UInt64) throws
    -> RePB4Probes
  {
    let runs = try grid.values.map {
      try choice(grid, value: $0).train(with: subset, baseSeed: baseSeed, seedIndex: 0)
    }
    return try RePB4Probes(grid: grid, runs: runs)
  }

  static func choice(_ grid: Grid, value: String) -> RuleChoice {
    RuleChoice(
      label: "probe \(grid.rule) \(grid.option)=\(value) on 10%", ruleName: grid.rule,
      options: [(grid.option, value)])
  }

  /// The value matched to `target`; nil while pending.
  func match(target: Double) -> Match? {
    guard let curve else { return nil }
    let found = curve.parameter(for: target, tolerance: Self.reachTolerance)
    let value = MatchedPruning.rounded(found.parameter)
    let p = Double(value) ?? found.parameter
    return Match(
      value: value, predictedSaving: curve.saving(at: p),
      interpolationError: curve.interpolationError(at: p), isReachable: found.isReachable)
  }

  /// The curve's saving at `value` (the model check's prediction); nil while pending.
  func prediction(at value: Double) -> Double? { curve?.saving(at: value) }

  /// The page's rows: one per probe (value, saved on the subset, the monotone fit, accuracy).
  var rows: [[String]] {
    runs.indices.map { i in
      [
        grid.rule, "\(grid.option)=\(grid.values[i])",
        runs[i].isPlaceholder ? "waiting" : ClaimTable.format(runs[i].savedFraction),
        curve.map { ClaimTable.format($0.fitted[i]) } ?? "waiting",
        runs[i].isPlaceholder ? "waiting" : ClaimTable.format(runs[i].finalAccuracy),
      ]
    }
  }
}
