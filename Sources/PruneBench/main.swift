// PruneBench: timings of the hot paths, release build only:
//   swift run -c release PruneBench            InfoBatch plan (N = 1.28M, 14M) next to a sum and
//                                              a sort; a whole InfoBatch+BLS simulation 1.28M x 200
//   swift run -c release PruneBench --quick    the same at small sizes
//   swift run -c release PruneBench --simulation N E [T]   only the simulation, N samples x E
//                                              epochs, on T threads (default: every processor)
//   swift run -c release PruneBench cnn ...    the MiniCNN throughput benchmark
//   swift run -c release PruneBench read-log FILE   check + read a loss log epoch by epoch
//   swift run -c release PruneBench selection [--sizes N,N] [--repetitions R] [--only a,b]
//                                              every rule's selection work (Selection/)
import PruneCore
import PruneEngine
import PruneSignals

#if canImport(Glibc)
  import Glibc
#endif

/// CPU seconds of the fastest of `repetitions` runs of `body` (after `prepare`, which is not
/// timed). CPU time, not wall time: the benchmark is single-threaded, and on a shared machine
/// the wall clock mostly measures the other processes.
func bestSeconds(
  repetitions: Int, prepare: () throws -> Void = {}, _ body: () throws -> Void
) throws -> Double {
  var best = Double.infinity
  for _ in 0..<repetitions {
    try prepare()
    let start = processorSeconds()
    try body()
    best = min(best, processorSeconds() - start)
  }
  return best
}

/// Where results go so the optimiser cannot drop the work that made them.
nonisolated(unsafe) var sink = 0

@inline(never)
func consume(_ value: Double) { sink &+= Int(value.bitPattern & 1) }

@inline(never)
func consume(_ plan: EpochPlan) { sink &+= plan.sampleCount }

@inline(never)
func consume(_ values: [Double]) { sink &+= values.count }

/// CPU seconds used by this process (the wall clock includes waiting for a busy machine).
func processorSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func format(_ value: Double, _ decimals: Int = 3) -> String {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  return "\(rounded)"
}

/// InfoBatch's epoch plan (mean, candidates, kept subset, weights, shuffle) over `n` scores,
/// next to a plain sum and a full sort of the same scores.
func benchmarkPlan(sampleCount n: Int, repetitions: Int) throws {
  PeakMemory.reset()
  let setup = try TrainingSetup(sampleCount: n, batchSize: 128, plannedEpochs: 200, seed: 1)
  var rule = try InfoBatch(setup: setup)
  _ = try rule.plan(forEpoch: 0)
  try rule.finishEpoch(0)
  var state = rule.state
  var generator = SeededGenerator(seed: 3)
  var scores = [Double](repeating: 0, count: n)
  for i in 0..<n { scores[i] = 3 * generator.nextUnit() }
  state.scores.scores = scores
  var planned = 0
  let planSeconds = try bestSeconds(
    repetitions: repetitions, prepare: { try rule.restore(state) }
  ) {
    let plan = try rule.plan(forEpoch: 1)
    planned = plan.sampleCount
    consume(plan)
  }
  let sumSeconds = try bestSeconds(repetitions: repetitions) {
    consume(ScoreStatistics.sum(of: scores))
  }
  var copy: [Double] = []
  let sortSeconds = try bestSeconds(repetitions: repetitions, prepare: { copy = scores }) {
    copy.sort()
    consume(copy)
  }
  print(
    "plan N=\(n) (best of \(repetitions), CPU): \(format(planSeconds * 1e3)) ms (trains \(planned)); "
      + "sum \(format(sumSeconds * 1e3)) ms; sort \(format(sortSeconds * 1e3)) ms; "
      + "plan/sum \(format(planSeconds / sumSeconds, 1))x; "
      + "plan/sort \(format(planSeconds / sortSeconds, 3))x; "
      + "peak memory \(format(PeakMemory.megabytes(), 1)) MiB")
}

/// A whole InfoBatch + BLS simulation on the synthetic learner, on `threads` threads (the
/// results, printed as the final mean loss's bits, do not depend on it).
func benchmarkSimulation(
  sampleCount n: Int, epochs: Int, threads: Int = ForkJoin.processorCount
) throws {
  PeakMemory.reset()
  let setup = try TrainingSetup(sampleCount: n, batchSize: 128, plannedEpochs: epochs, seed: 1)
  var rule = try InfoBatch(
    configuration: InfoBatchConfiguration(), scoreSource: BatchLossScore(sampleCount: n),
    setup: setup)
  var learner = try SyntheticLearner(
    sampleCount: n, configuration: LearnerConfiguration(), seed: 2)
  let clock = ContinuousClock()
  let start = clock.now
  let cpuStart = processorSeconds()
  let result = try Simulation.run(
    &rule, on: &learner, options: SimulationOptions(threads: threads))
  let cpu = processorSeconds() - cpuStart
  let seconds = (clock.now - start).seconds
  let iterations = Double(result.summary.trainedSampleIterations)
  print(
    "simulation infobatch+bls N=\(n) x \(epochs) epochs, \(threads) threads: "
      + "\(format(seconds, 2)) s wall, \(format(cpu, 2)) s CPU; "
      + "saved \(format(result.summary.savedFraction, 4)); "
      + "\(format(seconds / iterations * 1e9, 1)) ns per trained sample (wall); "
      + "final mean loss bits \(String(result.summary.finalMeanLoss?.bitPattern ?? 0, radix: 16)); "
      + "peak memory \(format(PeakMemory.megabytes(), 1)) MiB "
      + "(raw state: scores, weights, plan = \(format(Double(n) * 24 / 1_048_576, 1)) MiB)")
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "cnn" {
  // The MiniCNN throughput benchmark (Sources/PruneBench/CNN/).
  exit(runCNNThroughputBenchmark(Array(arguments.dropFirst())))
}
/// The value after `flag` in `arguments`, if any.
func option(_ flag: String, in arguments: [String]) -> String? {
  guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}

if arguments.first == "read-log", arguments.count == 2 {
  // Reading a loss log the way `prunelab simulate --losses` does: the checking pass, then every
  // epoch in order (bench/compare-replay).
  do {
    PeakMemory.reset()
    let start = processorSeconds()
    let file = try LossLogFile.open(path: arguments[1])
    let opened = processorSeconds()
    var values: [Double] = []
    var total = 0.0
    for epoch in 0..<file.epochCount {
      try file.readEpoch(epoch, into: &values)
      total += values[0]
    }
    consume(total)
    let read = processorSeconds()
    print(
      "read-log n=\(file.sampleCount) epochs=\(file.epochCount) check_seconds=\(opened - start) "
        + "epochs_seconds=\(read - opened) peak_rss_mb=\(format(PeakMemory.megabytes(), 1))")
    exit(0)
  } catch {
    print("PruneBench read-log failed: \(error)")
    exit(1)
  }
}
if arguments.first == "selection" {
  do {
    let sizes = (option("--sizes", in: arguments) ?? "1280000,14000000")
      .split(separator: ",").compactMap { Int($0) }
    let repetitions = option("--repetitions", in: arguments).flatMap { Int($0) } ?? 3
    let only = option("--only", in: arguments).map { Set($0.split(separator: ",").map(String.init)) }
    try SelectionBenchmark.run(sampleCounts: sizes, repetitions: repetitions, only: only)
    exit(0)
  } catch {
    print("PruneBench selection failed: \(error)")
    exit(1)
  }
}
let quick = arguments.contains("--quick")
do {
  if arguments.first == "--simulation", arguments.count == 3 || arguments.count == 4,
    let n = Int(arguments[1]), let epochs = Int(arguments[2])
  {
    let threads = arguments.count == 4 ? Int(arguments[3]) ?? 1 : ForkJoin.processorCount
    try benchmarkSimulation(sampleCount: n, epochs: epochs, threads: threads)
    exit(0)
  }
  try benchmarkPlan(sampleCount: quick ? 100_000 : 1_280_000, repetitions: 5)
  try benchmarkPlan(sampleCount: quick ? 200_000 : 14_000_000, repetitions: 3)
  try benchmarkSimulation(sampleCount: quick ? 20_000 : 1_280_000, epochs: quick ? 20 : 200)
} catch {
  print("PruneBench failed: \(error)")
}
