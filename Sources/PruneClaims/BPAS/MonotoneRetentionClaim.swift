import PruneCore
import PruneReport

/// BPAS-1: the number of retained batches is non-increasing and a pruned batch never returns.
///
/// Runs the real B-PAS rule on the activation-stability generator in several settings and
/// several seeds, and counts, from the plans the rule actually produced, the epochs where n_i
/// grew and the batches that reappeared after being absent.
public struct MonotoneRetentionClaim: Claim {
  public let id = "BPAS-1"
  public let family = ClaimFamily.bpas
  public let title = "Retention is monotone and pruned batches never return"

  /// A test's sizes; nil takes the run's profile.
  let fixedSetting: Setting?
  /// A deliberate break for the tests' negative controls (``Fault/prunedBatchesReturn``).
  let fault: Fault?

  public init() {
    fixedSetting = nil
    fault = nil
  }

  init(setting: Setting?, fault: Fault? = nil) {
    fixedSetting = setting
    self.fault = fault
  }

  /// The sizes of a run: the profile's, or a test's (`init(setting:)`).
  struct Setting {
    var seeds: Int
    var simulations: [BpasSimulationSettings]
  }

  static func setting(for profile: ClaimProfile) throws -> Setting {
    profile.pick(
      quick: Setting(seeds: 3, simulations: try BpasSimulationSettings.settings(.quick)),
      full: Setting(seeds: 20, simulations: try BpasSimulationSettings.settings(.full)))
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(fixedSetting ?? Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    let seeds = setting.seeds
    let settings = setting.simulations
    var increases = 0
    var returns = 0
    var dropEvents = 0
    var rows: [[String]] = []
    var curves: [BpasRetentionCurve] = []
    for (index, simulation) in settings.enumerated() {
      context.progress(Double(index) / Double(settings.count), simulation.name)
      for s in 0..<seeds {
        let run = try BpasSimulation.run(simulation, seed: context.seed &+ UInt64(s), fault: fault)
        let audit = RetentionAudit(run.activeBatches)
        increases += audit.increases
        returns += audit.returns
        dropEvents += audit.drops
        rows.append([
          simulation.name, "\(s)", "\(run.activeBatches.count)", "\(audit.drops)",
          "\(audit.increases)", "\(audit.returns)", ClaimTable.format(run.ledger.dataSavingIndex),
        ])
        if s == 0 { curves.append(BpasRetentionCurve(name: simulation.name, run: run)) }
      }
    }
    context.progress(1, "done")
    let scope = "\(settings.count) settings x \(seeds) seeds"
    return ClaimResult(
      claim: self,
      statement: "B-PAS drops a batch permanently once its activation statistic is stable, so the "
        + "number of batches trained per epoch never increases and a dropped batch never comes back.",
      equation: "n_{i+1} <= n_i for all i;  b not in A_i  =>  b not in A_j for all j > i",
      setting: [
        (
          "rule",
          "B-PAS (algorithms.md §5), thresholds "
            + Set(settings.map { "delta_s \($0.deltaStart), delta_e \($0.deltaEnd)" }).sorted()
            .joined(separator: "; ")
        ),
        ("signal", "PruneSignals ActivationStabilitySource"),
        ("settings", settings.map(\.name).joined(separator: "; ")),
        ("seeds", "\(seeds) per setting, from the base seed"),
      ],
      checks: [
        ClaimCheck(
          setting: scope, quantity: "epochs with n_{i+1} > n_i", measured: Double(increases),
          predicted: 0, uncertainty: 0, tolerance: 0,
          basis: "exact count over the plans the rule produced; one increase contradicts it"),
        ClaimCheck(
          setting: scope, quantity: "batches trained again after being absent",
          measured: Double(returns), predicted: 0, uncertainty: 0, tolerance: 0,
          basis: "exact count over the plans the rule produced; one return contradicts it"),
        .sanity(
          setting: scope, quantity: "drop events observed (the checks are not vacuous)",
          measured: Double(dropEvents), predicted: 1, comparison: .atLeast),
      ],
      tables: [
        ClaimTable(
          name: "audit",
          caption: "Per setting and seed: epochs run, batches dropped, increases of n_i, returns, DSI.",
          header: ["setting", "seed", "epochs_run", "drops", "increases", "returns", "dsi"],
          rows: rows, showOnPage: true)
      ],
      figures: [
        ClaimFigure(
          name: "retention",
          caption: "Retained batches n_i / n_0 per epoch (first seed of each setting): every curve "
            + "is a non-increasing staircase.",
          svg: try BpasRetentionFigure.svg(curves, title: "BPAS-1: retention per epoch"))
      ],
      discussion: "Both counts are structural properties of the rule, so the tolerance is zero. "
        + "The third check guards against a vacuous pass: the settings must actually drop batches.")
  }
}

/// Counts violations of monotone retention in a sequence of active-batch lists.
struct RetentionAudit {
  var increases = 0
  var returns = 0
  var drops = 0

  init(_ epochs: [[Int]]) {
    var everSeen = Set<Int>()
    var previous: Set<Int>? = nil
    for batches in epochs {
      let current = Set(batches)
      if let previous {
        if current.count > previous.count { increases += 1 }
        drops += previous.subtracting(current).count
        for b in current where !previous.contains(b) && everSeen.contains(b) { returns += 1 }
      }
      everSeen.formUnion(current)
      previous = current
    }
  }
}
