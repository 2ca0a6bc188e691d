import PruneCore
import PruneReport
import PruneSignals

#if canImport(Glibc)
import Glibc
#endif

/// BPAS-2: the threshold schedule delta(t) = delta_s exp(alpha t), alpha = ln(delta_e/delta_s)/I,
/// meets delta(0) = delta_s and delta(I) = delta_e exactly.
///
/// Evaluates the rule's own schedule (`BPASConfiguration.threshold(epoch:plannedEpochs:)`, t
/// 1-based in the rule's decisions, so t = 0 is the schedule's start) on a grid of settings and
/// compares the end points with delta_s and delta_e, and interior points with the spec's worked
/// example (algorithms.md §5.7). Those are identities of the formula (sanity checks). The
/// evidence is the rule's behaviour: in a simulation of the real rule, the batches it drops after
/// each epoch are predicted from the statistics it was given and the schedule,
/// {b : |X̄_{t−1}(b) − X̄_t(b)| ≤ δ(t)}, and every disagreement counts.
public struct ThresholdScheduleClaim: Claim {
  public let id = "BPAS-2"
  public let family = ClaimFamily.bpas
  public let title = "The threshold schedule starts at delta_s and ends at delta_e"

  /// A test's sizes; nil takes the run's profile.
  let fixedSetting: Setting?
  /// A deliberate break for the tests' negative controls (``Fault/wrongSchedule``: the rule
  /// runs with delta_e four times the one the prediction uses).
  let fault: Fault?

  public init() {
    fixedSetting = nil
    fault = nil
  }

  init(setting: Setting?, fault: Fault? = nil) {
    fixedSetting = setting
    self.fault = fault
  }

  /// Simulates the real rule and counts the batches whose drop decision differs from the one
  /// `setting`'s schedule predicts from the statistics the rule saw.
  func decisionAudit(
    _ setting: BpasSimulationSettings, seed: UInt64
  ) throws -> (decisions: Int, drops: Int, disagreements: Int) {
    let batchCount = (setting.sampleCount + setting.batchSize - 1) / setting.batchSize
    let source = try ActivationStabilitySource(
      sampleCount: setting.sampleCount, batchCount: batchCount,
      configuration: setting.activation, seed: seed)
    let ruleSetting =
      fault == .wrongSchedule
      ? BpasSimulationSettings(
        name: setting.name, sampleCount: setting.sampleCount, batchSize: setting.batchSize,
        plannedEpochs: setting.plannedEpochs, deltaStart: setting.deltaStart,
        deltaEnd: 4 * setting.deltaEnd, activation: setting.activation)
      : setting
    var seen: [[Int: Double]] = []
    let run = try BpasSimulation.run(ruleSetting, seed: seed) { batch, _, epoch in
      let value = source.statistic(batch: batch, epoch: epoch)
      while seen.count <= epoch { seen.append([:]) }
      seen[epoch][batch] = value
      return value
    }
    let schedule = try BPASConfiguration(
      deltaStart: setting.deltaStart, deltaEnd: setting.deltaEnd)
    var decisions = 0
    var drops = 0
    var disagreements = 0
    let active = run.activeBatches
    // After 0-based epoch e (1-based t = e + 1, first decision at t = 2) the rule drops from
    // the batches trained in both e − 1 and e; the next plan shows what it kept.
    for e in 1..<max(1, active.count - 1) {
      let threshold = schedule.threshold(epoch: e + 1, plannedEpochs: setting.plannedEpochs)
      let next = Set(active[e + 1])
      for b in active[e] {
        guard let now = seen[e][b], let before = seen[e - 1][b] else { continue }
        decisions += 1
        let predictedDrop = abs(before - now) <= threshold
        let dropped = !next.contains(b)
        if dropped { drops += 1 }
        if predictedDrop != dropped { disagreements += 1 }
      }
    }
    return (decisions, drops, disagreements)
  }

  /// The relative error delta_s exp(t ln(r) / I) at t = I may carry, for r = delta_e/delta_s:
  /// the rounding of ln r (half an ulp of |ln r|, which exp turns into a relative error of
  /// |ln r| eps/2), of the division and product by I (an ulp each, times |ln r|), of exp and of
  /// the product by delta_s (half an ulp each). Bounded by (|ln r| + 4) eps with room to spare.
  static func roundTripTolerance(ratio: Double) -> Double {
    (abs(log(ratio)) + 4) * Double.ulpOfOne
  }

  /// The sizes of a run: the profile's, or a test's (`init(setting:)`).
  struct Setting {
    var plannedEpochs: [Int]
    var seeds: Int
    var simulations: [BpasSimulationSettings]
  }

  static func setting(for profile: ClaimProfile) throws -> Setting {
    profile.pick(
      quick: Setting(
        plannedEpochs: [5, 90, 200], seeds: 3,
        simulations: try BpasSimulationSettings.settings(.quick)),
      full: Setting(
        plannedEpochs: [1, 5, 30, 90, 200, 1000], seeds: 10,
        simulations: try BpasSimulationSettings.settings(.full)))
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(fixedSetting ?? Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    let grid: [(Double, Double)] = [(1e-6, 5e-5), (5e-6, 5e-5), (1e-5, 5e-4), (1e-6, 1e-6)]
    let plannedEpochs = setting.plannedEpochs
    let tolerance = grid.map { Self.roundTripTolerance(ratio: $0.1 / $0.0) }.max() ?? 0
    var worstStart = 0.0
    var worstEnd = 0.0
    var monotoneViolations = 0
    var rows: [[String]] = []
    var curves: [(String, [Double], [Double])] = []
    for (deltaStart, deltaEnd) in grid {
      let configuration = try BPASConfiguration(deltaStart: deltaStart, deltaEnd: deltaEnd)
      for epochs in plannedEpochs {
        let start = configuration.threshold(epoch: 0, plannedEpochs: epochs)
        let end = configuration.threshold(epoch: epochs, plannedEpochs: epochs)
        worstStart = max(worstStart, abs(start / deltaStart - 1))
        worstEnd = max(worstEnd, abs(end / deltaEnd - 1))
        var previous = start
        var xs: [Double] = []
        var ys: [Double] = []
        for t in 0...epochs {
          let value = configuration.threshold(epoch: t, plannedEpochs: epochs)
          if t > 0, value < previous { monotoneViolations += 1 }
          previous = value
          xs.append(Double(t))
          ys.append(value)
        }
        rows.append([
          ClaimTable.format(deltaStart), ClaimTable.format(deltaEnd), "\(epochs)",
          ClaimTable.format(start), ClaimTable.format(end),
          ClaimTable.format(configuration.threshold(epoch: 1, plannedEpochs: epochs)),
        ])
        if epochs == 200 {
          curves.append(("delta_s = \(deltaStart), delta_e = \(deltaEnd), I = 200", xs, ys))
        }
      }
    }
    let standard = BPASConfiguration.standard
    let worked: [(Int, Double)] = [(1, 1.019753e-6), (2, 1.039896e-6), (3, 1.060436e-6), (100, 7.071068e-6)]
    var workedError = 0.0
    for (t, printed) in worked {
      workedError = max(workedError, abs(standard.threshold(epoch: t, plannedEpochs: 200) / printed - 1))
    }
    var checks: [ClaimCheck] = []
    let seeds = setting.seeds
    for simulation in setting.simulations {
      var decisions = 0
      var drops = 0
      var disagreements = 0
      for s in 0..<seeds {
        let audit = try decisionAudit(simulation, seed: context.seed &+ UInt64(s))
        decisions += audit.decisions
        drops += audit.drops
        disagreements += audit.disagreements
      }
      checks.append(
        ClaimCheck(
          setting: "\(simulation.name), \(seeds) seed\(seeds == 1 ? "" : "s"): \(decisions) "
            + "decisions, \(drops) drops",
          quantity: "batches whose drop decision differs from |ΔX̄| ≤ δ(t) of the schedule",
          measured: Double(disagreements), predicted: 0, uncertainty: 0, tolerance: 0,
          basis: "exact count over the real rule's decisions; one disagreement contradicts it"))
      checks.append(
        .sanity(
          setting: simulation.name, quantity: "drops observed (the check above is not vacuous)",
          measured: Double(drops), predicted: 1, comparison: .atLeast))
    }
    checks += [
      .sanity(
        setting: "\(grid.count) (delta_s, delta_e) pairs x I in \(plannedEpochs)",
        quantity: "max relative error |delta(0)/delta_s - 1|", measured: worstStart, predicted: 0,
        tolerance: tolerance, basis: "rounding of exp(log(delta_e/delta_s))"),
      .sanity(
        setting: "\(grid.count) (delta_s, delta_e) pairs x I in \(plannedEpochs)",
        quantity: "max relative error |delta(I)/delta_e - 1|", measured: worstEnd, predicted: 0,
        tolerance: tolerance, basis: "rounding of exp(log(delta_e/delta_s))"),
      .sanity(
        setting: "same grid", quantity: "epochs where delta(t) < delta(t-1)",
        measured: Double(monotoneViolations), predicted: 0),
      .sanity(
        setting: "delta_s 1e-6, delta_e 5e-5, I = 200 (algorithms.md §5.7)",
        quantity: "max relative error vs the printed delta(1), delta(2), delta(3), delta(100)",
        measured: workedError, predicted: 0, tolerance: 5e-7,
        basis: "7 printed digits: half a unit of the 7th"),
    ]
    let series = try curves.map { name, x, y in try PlotSeries(name: name, x: x, y: y, style: .line) }
    let plot = XYPlot(
      title: "BPAS-2: threshold schedule delta(t)", xAxis: .linear("epoch t"),
      yAxis: .log10("delta(t)"), series: series, legend: .below)
    return ClaimResult(
      claim: self,
      statement: "B-PAS drops a batch when its activation statistic changes by at most delta(t); "
        + "the threshold grows exponentially from delta_s to delta_e over the I planned epochs.",
      equation: "delta(t) = delta_s exp(alpha t),  alpha = ln(delta_e / delta_s) / I\n"
        + "delta(0) = delta_s,  delta(I) = delta_e",
      setting: [
        ("schedule", "PruneCore BPASConfiguration.threshold(epoch:plannedEpochs:)"),
        ("(delta_s, delta_e)", grid.map { "(\($0.0), \($0.1))" }.joined(separator: ", ")),
        ("planned epochs I", plannedEpochs.map { "\($0)" }.joined(separator: ", ")),
      ],
      checks: checks,
      tables: [
        ClaimTable(
          name: "end-points",
          caption: "Per setting: delta(0), delta(I) and delta(1), the first threshold a 1-based "
            + "epoch index reaches.",
          header: ["delta_start", "delta_end", "planned_epochs", "delta_0", "delta_I", "delta_1"],
          rows: rows, showOnPage: false)
      ],
      figures: [
        ClaimFigure(
          name: "schedule",
          caption: "delta(t) for I = 200 planned epochs and each (delta_s, delta_e), log y axis: "
            + "straight lines from delta_s at t = 0 to delta_e at t = I.", svg: plot.svg())
      ],
      discussion: "The end points, the monotone growth and the worked example are properties of "
        + "the formula itself (sanity checks): they confirm the rule's schedule is the paper's. "
        + "The evidence is that the real rule's drop decisions follow that schedule: given the "
        + "statistics it saw, every batch it drops (and none it keeps) satisfies |ΔX̄| ≤ δ(t) "
        + "with t the 1-based epoch; a rule with another schedule (the tests' negative control "
        + "runs it with delta_e four times larger) disagrees on some batches. "
        + "The end points are exact up to the rounding of exp(log(delta_e/delta_s)); the "
        + "tolerance (|ln(delta_e/delta_s)| + 4) eps bounds that rounding. The printed worked "
        + "example has 7 significant digits, so its values carry up to half a unit of the 7th "
        + "digit, 4.9e-7 relative for 1.019753e-6; hence the 5e-7 tolerance. Note that the code counts epochs from 1 (t = 1 after the first epoch) "
        + "and makes its first decision after epoch 2, so delta(0) = delta_s itself is never "
        + "applied: the first threshold used is delta(2) = delta_s (delta_e/delta_s)^(2/I).")
  }
}
