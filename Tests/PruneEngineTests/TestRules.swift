import PruneCore

/// Trains every sample in index order with weight `weight`; remembers what it was told.
struct KeepAllRule: PruningRule {
  struct State: Codable, Sendable, Equatable {}
  var name = "keep-all"
  var setup: TrainingSetup
  var requiredSignals: SignalKinds
  var parameters: [String: String] { [:] }
  var weight = 1.0
  var rescaling = EpochPlan.Rescaling.perSample
  var reports: [(epoch: Int, samples: [Int], losses: [Double]?, mean: Double?, xbar: Double?)] = []

  init(setup: TrainingSetup, requiredSignals: SignalKinds = .perSampleLoss) {
    self.setup = setup
    self.requiredSignals = requiredSignals
  }

  mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    let n = setup.sampleCount
    var weights = [Double](repeating: weight, count: n)
    if rescaling == .batchMeanWeight { weights[0] = 2 * weight }
    return EpochPlan(
      epoch: epoch, samples: Array(0..<n), weights: weights, batchSize: setup.batchSize,
      rescaling: rescaling)
  }

  mutating func record(_ report: BatchReport) throws {
    reports.append(
      (report.epoch, Array(report.samples), report.losses.map(Array.init), report.meanLoss,
       report.activationStatistic))
  }

  mutating func finishEpoch(_ epoch: Int) throws {}
  var state: State { State() }
  mutating func restore(_ state: State) throws {}
}

/// A batch-level rule: fixed batches, one fewer every epoch, needs the activation statistic.
struct DroppingBatchesRule: PruningRule {
  struct State: Codable, Sendable, Equatable { var active: Int }
  var name = "dropping"
  var setup: TrainingSetup
  var requiredSignals: SignalKinds { .activationStatistic }
  var parameters: [String: String] { [:] }
  var active: Int

  init(setup: TrainingSetup) {
    self.setup = setup
    active = setup.batchCount(forSamples: setup.sampleCount)
  }

  mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    let b = setup.batchSize
    let count = min(active * b, setup.sampleCount)
    var starts = Array(stride(from: 0, to: count, by: b))
    starts.append(count)
    return EpochPlan(
      epoch: epoch, samples: Array(0..<count), weights: [Double](repeating: 1, count: count),
      batchStarts: starts, batchIDs: Array(0..<(starts.count - 1)))
  }

  mutating func record(_ report: BatchReport) throws {
    guard report.activationStatistic != nil else {
      throw PruneCoreError.missingSignal(rule: name, signal: "activation statistic")
    }
  }

  mutating func finishEpoch(_ epoch: Int) throws { active -= 1 }
  var state: State { State(active: active) }
  mutating func restore(_ state: State) throws { active = state.active }
}

/// Plans an index outside the data.
struct BrokenRule: PruningRule {
  struct State: Codable, Sendable, Equatable {}
  var name = "broken"
  var setup: TrainingSetup
  var requiredSignals: SignalKinds { [] }
  var parameters: [String: String] { [:] }
  mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    EpochPlan(epoch: epoch, samples: [0, setup.sampleCount], weights: [1, 1], batchSize: 2)
  }
  mutating func record(_ report: BatchReport) throws {}
  mutating func finishEpoch(_ epoch: Int) throws {}
  var state: State { State() }
  mutating func restore(_ state: State) throws {}
}
