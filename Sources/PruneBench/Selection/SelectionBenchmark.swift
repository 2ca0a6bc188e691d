import PruneCore

/// Every rule's per-epoch selection work at N samples, the Swift side of `bench/compare-selection`
/// (its NumPy peer is `bench/numpy_selection.py`, which times the same steps by the same names).
///
/// Each case prepares a rule in a steady state (not timed) and times one epoch's selection work:
/// - `infobatch-exact`, `infobatch-bernoulli`: InfoBatch's plan (mean, candidates, kept subset,
///   weights, shuffle) from uniform scores in [0, 3);
/// - `seta`: SeTa's plan (0.9 N subsample, exact 1-D k-means into 5 groups, window of 4, shuffle);
/// - `repb`: RePB's epoch of local-window decisions (one window per batch of 128) and score
///   updates, then the resampling and the next plan with its CTR weights;
/// - `bpas`: B-PAS's end-of-epoch drop decisions over the batches of 128 and the next plan;
/// - `bls-update`, `loss-update`: one epoch of BLS / per-sample loss score updates, batch by batch;
/// - `sum`: a plain sum of the N scores (``ScoreStatistics/sum(of:)``);
/// - `infobatch-draws`: the random draws of the `infobatch-exact` plan alone (one integer draw per
///   candidate, then the shuffle's: one bucket draw and about one Fisher–Yates draw per planned
///   sample), the bound the spec's fixed draw order sets (algorithms.md §1.2; issue 13).
/// Prints `selection case=NAME n=N seconds=S peak_rss_mb=M` (best CPU seconds of the
/// repetitions; peak resident memory of the case, the scores included).
enum SelectionBenchmark {
  static let cases = [
    "infobatch-exact", "infobatch-bernoulli", "seta", "repb", "bpas", "bls-update",
    "loss-update", "sum", "infobatch-draws",
  ]

  static func run(sampleCounts: [Int], repetitions: Int, only: Set<String>?) throws {
    for n in sampleCounts {
      let scores = uniformScores(count: n, seed: 3)
      for name in cases where only?.contains(name) ?? true {
        PeakMemory.reset()
        let seconds = try time(name, scores: scores, repetitions: repetitions)
        print(
          "selection case=\(name) n=\(n) seconds=\(seconds) "
            + "peak_rss_mb=\(format(PeakMemory.megabytes(), 1))")
      }
    }
  }

  static func uniformScores(count: Int, seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in 3 * generator.nextUnit() }
  }

  static func time(_ name: String, scores: [Double], repetitions: Int) throws -> Double {
    let n = scores.count
    let setup = try TrainingSetup(sampleCount: n, batchSize: 128, plannedEpochs: 200, seed: 1)
    switch name {
    case "infobatch-exact", "infobatch-bernoulli":
      let configuration = try InfoBatchConfiguration(
        selection: name == "infobatch-exact" ? .exactCount : .bernoulli)
      var rule = try InfoBatch(configuration: configuration, setup: setup)
      _ = try rule.plan(forEpoch: 0)
      try rule.finishEpoch(0)
      var state = rule.state
      state.scores.scores = scores
      return try bestSeconds(repetitions: repetitions, prepare: { try rule.restore(state) }) {
        consume(try rule.plan(forEpoch: 1))
      }
    case "seta":
      var rule = try SeTa(setup: setup)
      _ = try rule.plan(forEpoch: 0)
      try rule.finishEpoch(0)
      var state = rule.state
      state.scores.scores = scores
      return try bestSeconds(repetitions: repetitions, prepare: { try rule.restore(state) }) {
        consume(try rule.plan(forEpoch: 1))
      }
    case "repb":
      var rule = try RePB(setup: setup)
      let losses = uniformScores(count: n, seed: 5)
      let first = try rule.plan(forEpoch: 0)
      try report(first, losses: losses, into: &rule)
      try rule.finishEpoch(0)
      let plan = try rule.plan(forEpoch: 1)
      let state = rule.state
      // Fresh copies of the tables the epoch writes, so the timed epoch does not copy them on
      // first write (the NumPy peer copies them outside its timing too).
      let prepare = {
        var fresh = state
        fresh.scores.scores = state.scores.scores.map { $0 }
        fresh.trainingCounts = state.trainingCounts.map { $0 }
        fresh.status = state.status.map { $0 }
        try rule.restore(fresh)
      }
      return try bestSeconds(repetitions: repetitions, prepare: prepare) {
        try report(plan, losses: scores, into: &rule)
        try rule.finishEpoch(1)
        consume(try rule.plan(forEpoch: 2))
      }
    case "bpas":
      var rule = BPAS(setup: setup)
      // Statistics that move by 1e-3 per epoch (far above delta(t)), except that a quarter of
      // the batches stand still in epoch 2 and are dropped at its end.
      for epoch in 0..<2 {
        let plan = try rule.plan(forEpoch: epoch)
        try report(
          plan, statistic: { 1 + Double($0 % 97) * 1e-3 + Double(epoch) * 1e-3 }, into: &rule)
        try rule.finishEpoch(epoch)
      }
      let plan = try rule.plan(forEpoch: 2)
      let state = rule.state
      let statistic: (Int) -> Double = { 1 + Double($0 % 97) * 1e-3 + ($0 % 4 == 0 ? 1e-3 : 2e-3) }
      return try bestSeconds(repetitions: repetitions, prepare: { try rule.restore(state) }) {
        try report(plan, statistic: statistic, into: &rule)
        try rule.finishEpoch(2)
        consume(try rule.plan(forEpoch: 3))
      }
    case "infobatch-draws":
      var rule = try InfoBatch(setup: setup)
      _ = try rule.plan(forEpoch: 0)
      try rule.finishEpoch(0)
      var state = rule.state
      state.scores.scores = scores
      try rule.restore(state)
      let candidates = rule.candidateSamples.count
      let planned = try rule.plan(forEpoch: 1).sampleCount
      return try bestSeconds(repetitions: repetitions) {
        var generator = epochGenerator(seed: 1, epoch: 1)
        var total = 0
        for t in 0..<candidates { total &+= generator.nextIndex(below: candidates - t) }
        for _ in 0..<planned { total &+= Int(truncatingIfNeeded: generator.next() >> 56) }
        for i in stride(from: planned, to: 1, by: -1) { total &+= generator.nextIndex(below: i) }
        consume(Double(total))
      }
    case "bls-update":
      var source = try BatchLossScore(sampleCount: n)
      let plan = try orderPlan(n: n)
      let initial = source.state
      // A fresh copy of the scores, so the timed updates do not copy them on first write.
      let prepare = {
        var fresh = initial
        fresh.scores = initial.scores.map { $0 }
        try source.restore(fresh)
      }
      return try bestSeconds(repetitions: repetitions, prepare: prepare) {
        for position in 0..<plan.batchCount {
          let range = plan.range(ofBatch: position)
          try source.update(
            with: BatchReport(
              epoch: 1, position: position, batchID: position, samples: plan.samples[range],
              meanLoss: scores[range.lowerBound]))
        }
        consume(source.scores[0])
      }
    case "loss-update":
      var source = try LossScore(sampleCount: n)
      let plan = try orderPlan(n: n)
      let ordered = plan.samples.map { scores[$0] }
      return try bestSeconds(repetitions: repetitions) {
        for position in 0..<plan.batchCount {
          let range = plan.range(ofBatch: position)
          try source.update(
            with: BatchReport(
              epoch: 1, position: position, batchID: position, samples: plan.samples[range],
              losses: ordered[range]))
        }
        consume(source.scores[0])
      }
    case "sum":
      return try bestSeconds(repetitions: repetitions) {
        consume(ScoreStatistics.sum(of: scores))
      }
    default:
      throw BenchmarkError.unknownCase(name)
    }
  }

  /// A shuffled full epoch in batches of 128 (the order a score update sees).
  static func orderPlan(n: Int) throws -> EpochPlan {
    var generator = SeededGenerator(seed: 11)
    let samples = generator.shuffled(Array(0..<n))
    return EpochPlan(
      epoch: 1, samples: samples, weights: [Double](repeating: 1, count: n), batchSize: 128)
  }

  /// Reports every batch of `plan` with per-sample losses `losses[sample]`.
  static func report<Rule: PruningRule>(_ plan: EpochPlan, losses: [Double], into rule: inout Rule)
    throws
  {
    var buffer: [Double] = []
    for position in 0..<plan.batchCount {
      let range = plan.range(ofBatch: position)
      buffer.removeAll(keepingCapacity: true)
      for sample in plan.samples[range] { buffer.append(losses[sample]) }
      try rule.record(
        BatchReport(
          epoch: plan.epoch, position: position, batchID: plan.batchIDs[position],
          samples: plan.samples[range], losses: buffer[...]))
    }
  }

  /// Reports every batch of `plan` with activation statistic `statistic(batchID)`.
  static func report<Rule: PruningRule>(
    _ plan: EpochPlan, statistic: (Int) -> Double, into rule: inout Rule
  ) throws {
    for position in 0..<plan.batchCount {
      let range = plan.range(ofBatch: position)
      let id = plan.batchIDs[position]
      try rule.record(
        BatchReport(
          epoch: plan.epoch, position: position, batchID: id, samples: plan.samples[range],
          activationStatistic: statistic(id)))
    }
  }
}

enum BenchmarkError: Error, CustomStringConvertible {
  case unknownCase(String)
  var description: String {
    switch self {
    case .unknownCase(let name):
      "unknown selection case \(name); known: \(SelectionBenchmark.cases.joined(separator: ", "))"
    }
  }
}
