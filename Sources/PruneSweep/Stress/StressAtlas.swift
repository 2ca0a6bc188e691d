import Dispatch
import PruneCore
import PruneSignals
import Synchronization

/// The stress atlas: every rule under every knob of ``StressKnob``, each knob varied alone
/// around a base learner, for several seeds, each point next to full data and to dynamic random
/// at the rule's own saved fraction (``StressMeasurement``).
///
/// The work is split in cells (knob, value, seed): a cell runs full data once, then each rule
/// the knob applies to with its matched random. Cells are independent and run on `jobs`
/// threads; the rows come back in a fixed order (knob, value, seed, rule), so the output does
/// not depend on `jobs`. Seed k of every cell is `baseSeed + k` (common random numbers across
/// knob values and rules).
public struct StressAtlas: Sendable {
  /// The size of every run and the base conditions the knobs move away from.
  public struct Setup: Sendable {
    public var samples: Int
    public var batchSize: Int
    public var epochs: Int
    public var seedCount: Int
    public var baseSeed: UInt64
    public var base: SweepConditions
    /// The accepted |saved(random) − saved(rule)| of the matched random run.
    public var calibrationTolerance: Double

    public init(
      samples: Int, batchSize: Int, epochs: Int, seedCount: Int, baseSeed: UInt64,
      base: SweepConditions, calibrationTolerance: Double = 0.002
    ) {
      self.samples = samples
      self.batchSize = batchSize
      self.epochs = epochs
      self.seedCount = seedCount
      self.baseSeed = baseSeed
      self.base = base
      self.calibrationTolerance = calibrationTolerance
    }
  }

  public let setup: Setup
  public let rules: [StressRule]
  public let knobs: [StressKnob]

  /// - Throws: ``PruneSweepError/badGrid(_:)`` for no rule, no knob, a knob without values or
  ///   fewer than 2 seeds (the tolerance needs a spread over seeds).
  public init(setup: Setup, rules: [StressRule], knobs: [StressKnob]) throws {
    guard !rules.isEmpty, !knobs.isEmpty else {
      throw PruneSweepError.badGrid("the stress atlas needs at least one rule and one knob")
    }
    for knob in knobs where knob.values.isEmpty {
      throw PruneSweepError.badGrid("knob \(knob.id) has no values")
    }
    guard setup.seedCount >= 2 else {
      throw PruneSweepError.badGrid(
        "the stress atlas needs at least 2 seeds, got \(setup.seedCount)")
    }
    self.setup = setup
    self.rules = rules
    self.knobs = knobs
  }

  /// One cell: a knob, one of its values, a seed.
  struct Cell: Sendable {
    let knob: Int
    let value: Int
    let seedIndex: Int
  }

  var cells: [Cell] {
    knobs.indices.flatMap { k in
      knobs[k].values.indices.flatMap { v in
        (0..<setup.seedCount).map { Cell(knob: k, value: v, seedIndex: $0) }
      }
    }
  }

  /// The number of (rule, knob, value, seed) points.
  public var pointCount: Int {
    knobs.reduce(0) { total, knob in
      total + rules.filter(knob.applies).count * knob.values.count * setup.seedCount
    }
  }

  /// Runs every cell on `jobs` threads.
  ///
  /// - Parameter progress: Called (from worker threads) with (cells done, cells in all).
  /// - Throws: the first failing cell's error, by cell order.
  public func run(
    jobs: Int, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
  ) throws -> [StressMeasurement] {
    let cells = self.cells
    let results = Mutex(
      [Result<[StressMeasurement], any Error>?](repeating: nil, count: cells.count))
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, cells.count))) { _ in
      while true {
        let k = next.add(1, ordering: .relaxed).oldValue
        guard k < cells.count else { return }
        let outcome = Result { try measure(cells[k]) }
        results.withLock { $0[k] = outcome }
        progress(done.add(1, ordering: .relaxed).newValue, cells.count)
      }
    }
    return try results.withLock { all in
      try all.flatMap { outcome -> [StressMeasurement] in
        guard let outcome else { throw PruneSweepError.badGrid("a stress cell did not run") }
        return try outcome.get()
      }
    }
  }

  func measure(_ cell: Cell) throws -> [StressMeasurement] {
    let knob = knobs[cell.knob]
    let value = knob.values[cell.value]
    var conditions = StressConditions(sweep: setup.base, batchSize: setup.batchSize)
    try knob.apply(&conditions, value)
    let seed = setup.baseSeed &+ UInt64(cell.seedIndex)
    let trainingSetup = try TrainingSetup(
      sampleCount: setup.samples, batchSize: conditions.batchSize, plannedEpochs: setup.epochs,
      seed: seed)
    let full = try SweepRunner.simulate(
      FullData(setup: trainingSetup), conditions.sweep, trainingSetup)
    let fullLoss = SweepMeasurement.measure(full.0, learner: full.1, fullDataLoss: nil)
      .finalExpectedLoss
    return try rules.filter(knob.applies).map { rule in
      let (run, random, guarantee) = try StressMeasurement.measure(
        rule: rule, conditions: conditions, setup: trainingSetup, fullDataLoss: fullLoss,
        calibrationTolerance: setup.calibrationTolerance)
      return StressMeasurement(
        rule: rule.name, knob: knob.id, value: value, seedIndex: cell.seedIndex, seed: seed,
        run: run, matchedRandomRatio: random?.ratio, matchedRandomSavedFraction: random?.saved,
        matchedRandomFinalLoss: random?.loss, guarantee: guarantee)
    }
  }
}
