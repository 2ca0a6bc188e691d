import Dispatch
import PruneCore
import PruneEngine
import PruneSignals
import Synchronization

/// Runs the points of a sweep: for each, the rule and full data on a synthetic learner and an
/// activation generator under the point's settings, then ``SweepMeasurement``.
///
/// A point with seed S draws exactly what `prunelab simulate --rule R --seed S` with the same
/// sizes and settings draws (learner seed, then activation seed, from SplitMix64(S)), so any
/// row of a sweep can be rerun and inspected alone. Points are independent; `jobs` threads share
/// them and the rows come back in point order, so the output does not depend on `jobs`.
public struct SweepRunner: Sendable {
  public let grid: SweepGrid
  /// N, B and E of every point.
  public let setup: (samples: Int, batchSize: Int, epochs: Int)
  /// Resolves a point's settings (the command line maps option names to configurations).
  public let conditions: @Sendable (SweepPoint) throws -> SweepConditions

  public init(
    grid: SweepGrid, samples: Int, batchSize: Int, epochs: Int,
    conditions: @escaping @Sendable (SweepPoint) throws -> SweepConditions
  ) {
    self.grid = grid
    self.setup = (samples, batchSize, epochs)
    self.conditions = conditions
  }

  /// Measures one point.
  /// - Throws: the settings', the rule's and the engine's errors.
  public func measure(_ point: SweepPoint) throws -> SweepMeasurement {
    let resolved = try conditions(point)
    let trainingSetup = try TrainingSetup(
      sampleCount: setup.samples, batchSize: setup.batchSize, plannedEpochs: setup.epochs,
      seed: point.seed)
    let full = try simulate(rule: "full", options: RuleOptions(), resolved, trainingSetup)
    let fullMeasurement = SweepMeasurement.measure(full.0, learner: full.1, fullDataLoss: nil)
    if point.rule == "full" { return fullMeasurement }
    let run = try simulate(rule: point.rule, options: resolved.ruleOptions, resolved, trainingSetup)
    return SweepMeasurement.measure(
      run.0, learner: run.1, fullDataLoss: fullMeasurement.finalExpectedLoss)
  }

  /// Measures the points of `shard` with `jobs` threads, in point order.
  ///
  /// - Parameter progress: Called (from worker threads) with the number of points done.
  /// - Throws: the first point's error, by point order.
  public func run(
    shard: SweepShard, jobs: Int, progress: @escaping @Sendable (Int) -> Void = { _ in }
  ) throws -> [(SweepPoint, SweepMeasurement)] {
    let points = grid.points(in: shard)
    let results = Mutex([Result<SweepMeasurement, any Error>?](repeating: nil, count: points.count))
    let done = Atomic<Int>(0)
    let next = Atomic<Int>(0)
    let workers = max(1, min(jobs, points.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let k = next.add(1, ordering: .relaxed).oldValue
        guard k < points.count else { return }
        let outcome = Result { try measure(points[k]) }
        results.withLock { $0[k] = outcome }
        progress(done.add(1, ordering: .relaxed).newValue)
      }
    }
    return try results.withLock { all in
      try zip(points, all).map { point, outcome in
        guard let outcome else { throw PruneSweepError.badGrid("point \(point.index) did not run") }
        return (point, try outcome.get())
      }
    }
  }

  /// One rule on a fresh learner and activation generator seeded like `prunelab simulate`.
  func simulate(
    rule name: String, options: RuleOptions, _ conditions: SweepConditions,
    _ trainingSetup: TrainingSetup
  ) throws -> (SimulationResult, DuplicatedLearner) {
    try Self.simulate(
      try RuleCatalog.makeRule(named: name, options: options, setup: trainingSetup), conditions,
      trainingSetup)
  }

  /// `rule` on a fresh learner (with the conditions' copies) and activation generator, seeded
  /// like `prunelab simulate` (``source(_:_:)``), with per-sample outcomes.
  static func simulate(
    _ rule: any PruningRule, _ conditions: SweepConditions, _ trainingSetup: TrainingSetup
  ) throws -> (SimulationResult, DuplicatedLearner) {
    var source = try source(conditions, trainingSetup)
    var rule = rule
    let result = try run(&rule, on: &source)
    return (result, source.primary)
  }

  /// A fresh learner (with the conditions' copies) and activation generator, seeded like
  /// `prunelab simulate`: learner seed, then activation seed, from SplitMix64(seed).
  static func source(
    _ conditions: SweepConditions, _ trainingSetup: TrainingSetup
  ) throws -> CombinedSignalSource<DuplicatedLearner, ActivationStabilitySource> {
    var seeds = SplitMix64(state: trainingSetup.seed)
    let learner = try DuplicatedLearner(
      sampleCount: trainingSetup.sampleCount, duplicateFraction: conditions.duplicateFraction,
      learner: conditions.learner, seed: seeds.next())
    let activations = try ActivationStabilitySource(
      sampleCount: trainingSetup.sampleCount,
      batchCount: trainingSetup.batchCount(forSamples: trainingSetup.sampleCount),
      configuration: conditions.activations, seed: seeds.next())
    return try CombinedSignalSource(learner, activations)
  }

  private static func run<Rule: PruningRule, Source: SignalSource>(
    _ rule: inout Rule, on source: inout Source
  ) throws -> SimulationResult {
    try Simulation.run(&rule, on: &source, options: SimulationOptions(recordsSampleOutcomes: true))
  }
}
