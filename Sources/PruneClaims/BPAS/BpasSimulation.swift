import PruneCore
import PruneEngine
import PruneSignals

/// One simulation setting of the B-PAS claims: data size, epochs, thresholds, generator knobs.
struct BpasSimulationSettings: Sendable {
  let name: String
  let sampleCount: Int
  let batchSize: Int
  let plannedEpochs: Int
  let deltaStart: Double
  let deltaEnd: Double
  let activation: ActivationConfiguration

  /// The settings BPAS-1, BPAS-2 and BPAS-3 run: the generator's defaults, a shorter plan,
  /// heavier and heavier-tailed noise (and, in the full profile, faster decay).
  static func settings(_ profile: ClaimProfile) throws -> [BpasSimulationSettings] {
    let samples = profile.pick(quick: 12_800, full: 45_000)
    var list = [
      BpasSimulationSettings(
        name: "defaults, I = 200", sampleCount: samples, batchSize: 128, plannedEpochs: 200,
        deltaStart: 1e-6, deltaEnd: 5e-5, activation: try ActivationConfiguration()),
      BpasSimulationSettings(
        name: "defaults, I = 90", sampleCount: samples, batchSize: 128, plannedEpochs: 90,
        deltaStart: 1e-6, deltaEnd: 5e-5, activation: try ActivationConfiguration()),
      BpasSimulationSettings(
        name: "noise 5e-6, I = 200", sampleCount: samples, batchSize: 128, plannedEpochs: 200,
        deltaStart: 1e-6, deltaEnd: 5e-5, activation: try ActivationConfiguration(noiseLevel: 5e-6)),
      BpasSimulationSettings(
        name: "Student-t(3) noise, I = 200", sampleCount: samples, batchSize: 128,
        plannedEpochs: 200, deltaStart: 1e-6, deltaEnd: 5e-5,
        activation: try ActivationConfiguration(heavyTailDegrees: 3)),
    ]
    if profile == .full {
      list.append(
        BpasSimulationSettings(
          name: "fast decay (tau 4), I = 200", sampleCount: samples, batchSize: 128,
          plannedEpochs: 200, deltaStart: 1e-6, deltaEnd: 5e-5,
          activation: try ActivationConfiguration(decayEpochs: 4)))
    }
    return list
  }
}

/// The real B-PAS rule, built from its configuration, driven by a per-batch statistic.
struct BpasSimulation {
  /// Batch ids trained in each epoch that ran, in order.
  let activeBatches: [[Int]]
  /// The rule's ledger (what it planned, epoch by epoch).
  let ledger: SavingsLedger
  /// n_0.
  let originalBatchCount: Int
  /// Members of each logical batch (from the first plan; B-PAS fixes them).
  let members: [Int: [Int]]

  var trainedBatchesPerEpoch: [Int] { activeBatches.map(\.count) }

  /// Runs the rule on `ActivationStabilitySource` for the setting.
  ///
  /// `fault` ``Fault/prunedBatchesReturn`` (negative controls) puts every dropped batch back
  /// into the plans of odd epochs, unreported to the rule.
  static func run(
    _ setting: BpasSimulationSettings, seed: UInt64, fault: Fault? = nil
  ) throws -> BpasSimulation {
    let batchCount = (setting.sampleCount + setting.batchSize - 1) / setting.batchSize
    let source = try ActivationStabilitySource(
      sampleCount: setting.sampleCount, batchCount: batchCount,
      configuration: setting.activation, seed: seed)
    return try run(setting, seed: seed, fault: fault) { batch, _, epoch in
      source.statistic(batch: batch, epoch: epoch)
    }
  }

  /// Runs the rule with `statistic(batchID, members, epoch)` as each batch's X̄.
  static func run(
    _ setting: BpasSimulationSettings, seed: UInt64, fault: Fault? = nil,
    statistic: @escaping (Int, ArraySlice<Int>, Int) throws -> Double
  ) throws -> BpasSimulation {
    let setup = try TrainingSetup(
      sampleCount: setting.sampleCount, batchSize: setting.batchSize,
      plannedEpochs: setting.plannedEpochs, seed: seed)
    var rule = BPAS(
      configuration: try BPASConfiguration(
        deltaStart: setting.deltaStart, deltaEnd: setting.deltaEnd),
      setup: setup)
    var source = ClosureSignals(
      sampleCount: setting.sampleCount,
      statistic: { epoch, batch, samples in try statistic(batch, samples, epoch) })
    var driver = RuleDriver()
    var ledger = SavingsLedger(setup: setup)
    var active: [[Int]] = []
    var members: [Int: [Int]] = [:]
    for epoch in 0..<setting.plannedEpochs {
      var plan = try driver.runEpoch(&rule, epoch: epoch, on: &source) { batch in
        if epoch == 0 { members[batch.identity.batchID] = batch.samples.sorted() }
      }
      if plan.isEmpty { break }
      if fault == .prunedBatchesReturn && epoch % 2 == 1 {
        // Trained but never reported to the rule.
        plan = plan.withReturnedBatches(members)
      }
      ledger.record(plan)
      active.append(plan.batchIDs)
    }
    return BpasSimulation(
      activeBatches: active, ledger: ledger, originalBatchCount: setup.batchCount(forSamples: setup.sampleCount),
      members: members)
  }
}
