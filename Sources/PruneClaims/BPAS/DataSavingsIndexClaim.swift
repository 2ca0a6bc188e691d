import PruneCore
import PruneReport
import PruneSignals

/// BPAS-3: DSI = 1 - sum_{i=1}^{e_s} n_i / (e_0 n_0).
///
/// Two checks: the spec's worked example (5 planned epochs, 200 batches, 200/190/180 trained
/// before the stop: DSI = 0.43) through PruneCore's `SavingsLedger`, and simulations of the real
/// B-PAS rule on the activation-stability generator, whose reported DSI must equal the one
/// computed from the batches the simulation actually trained.
public struct DataSavingsIndexClaim: Claim {
  public let id = "BPAS-3"
  public let family = ClaimFamily.bpas
  public let title = "The Data Savings Index"

  /// A test's sizes; nil takes the run's profile.
  let fixedSetting: Setting?

  public init() { fixedSetting = nil }

  init(setting: Setting?) { fixedSetting = setting }

  /// The spec's worked example through `SavingsLedger`, against 1 - 570/1000 computed by hand.
  static func workedExampleCheck() throws -> ClaimCheck {
    var worked = try SavingsLedger(sampleCount: 200 * 128, originalBatchCount: 200, plannedEpochs: 5)
    let counts = [200, 190, 180]
    for (epoch, batches) in counts.enumerated() {
      worked.record(epoch: epoch, trainedSamples: batches * 128, trainedBatches: batches)
    }
    let handComputed = 1 - Double(counts.reduce(0, +)) / Double(5 * 200)
    return .sanity(
      setting: "worked example: e_0 = 5, n_0 = 200, n = 200, 190, 180",
      quantity: "DSI from SavingsLedger vs 1 - 570/1000", measured: worked.dataSavingIndex,
      predicted: handComputed, tolerance: 1e-12, basis: "floating-point rounding")
  }

  /// The sizes of a run: the profile's, or a test's (`init(setting:)`).
  struct Setting {
    var simulations: [BpasSimulationSettings]
  }

  static func setting(for profile: ClaimProfile) throws -> Setting {
    profile.pick(
      quick: Setting(simulations: try BpasSimulationSettings.settings(.quick)),
      full: Setting(simulations: try BpasSimulationSettings.settings(.full)))
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(fixedSetting ?? Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    var checks = [try Self.workedExampleCheck()]
    var rows: [[String]] = []
    var curves: [BpasRetentionCurve] = []
    let settings = setting.simulations
    for (index, setting) in settings.enumerated() {
      context.progress(Double(index) / Double(settings.count), setting.name)
      let run = try BpasSimulation.run(setting, seed: context.seed)
      let trained = run.trainedBatchesPerEpoch.reduce(0, +)
      let ownCount = 1 - Double(trained) / Double(setting.plannedEpochs * run.originalBatchCount)
      checks.append(
        .sanity(
          setting: setting.name, quantity: "DSI reported by the rule's ledger vs own batch count",
          measured: run.ledger.dataSavingIndex, predicted: ownCount, tolerance: 1e-12,
          basis: "floating-point rounding"))
      rows.append([
        setting.name, "\(setting.plannedEpochs)", "\(run.originalBatchCount)",
        "\(run.trainedBatchesPerEpoch.count)", "\(trained)",
        ClaimTable.format(run.ledger.dataSavingIndex), ClaimTable.format(ownCount),
      ])
      curves.append(BpasRetentionCurve(name: setting.name, run: run))
    }
    context.progress(1, "done")
    return ClaimResult(
      claim: self,
      statement: "The Data Savings Index measures the share of planned batch-iterations B-PAS "
        + "did not train; the denominator uses the planned epochs even after an early stop.",
      equation: "DSI = 1 - sum_{i=1}^{e_s} n_i / (e_0 n_0)\n"
        + "example: 1 - (200 + 190 + 180) / (5 x 200) = 0.43",
      setting: [
        ("worked example", "5 planned epochs, 200 batches, stop after 200/190/180 (algorithms.md §5.5)"),
        ("simulations", settings.map(\.name).joined(separator: "; ")),
        (
          "rule",
          "B-PAS (algorithms.md §5), thresholds "
            + Set(settings.map { "delta_s \($0.deltaStart), delta_e \($0.deltaEnd)" }).sorted()
            .joined(separator: "; ")
        ),
        ("signal", "PruneSignals ActivationStabilitySource"),
      ],
      checks: checks,
      tables: [
        ClaimTable(
          name: "dsi",
          caption: "Per simulation: planned epochs, batches n_0, epochs run, batches trained, DSI "
            + "from the rule's ledger and from the simulation's own count.",
          header: [
            "setting", "planned_epochs", "batches", "epochs_run", "batches_trained",
            "dsi_ledger", "dsi_own_count",
          ], rows: rows, showOnPage: true),
        ClaimTable(
          name: "retention",
          caption: "Per simulation and epoch: batches trained n_i and n_i / n_0.",
          header: ["setting", "epoch", "batches", "fraction"],
          rows: curves.flatMap { $0.rows }),
      ],
      figures: [
        ClaimFigure(
          name: "retention",
          caption: "Retention curves n_i / n_0 of the B-PAS rule on the activation-stability "
            + "generator for each simulation setting; the legend gives each run's DSI, the area "
            + "above its curve over the planned epochs.",
          svg: try BpasRetentionFigure.svg(curves, title: "BPAS-3: retention curves and DSI"))
      ],
      discussion: "DSI is a count, so both checks are exact up to floating-point rounding "
        + "(tolerance 1e-12), and both are sanity checks: the ledger and the own count read the "
        + "same plans through the same formula, and the worked example evaluates the definition. "
        + "How much B-PAS saves on real training is BPAS-4, BPAS-6 and BPAS-7's question. "
        + "The worked example reproduces the paper's 0.43; the simulations "
        + "confirm that the rule's ledger counts the batches the loop actually trained, "
        + "including runs that stop early because every batch was dropped.",
      notTestableReason: "the statement defines the index; a computation can only confirm that "
        + "the rule's ledger evaluates the definition (sanity checks below)")
  }
}
