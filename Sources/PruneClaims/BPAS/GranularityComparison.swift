import PruneAnalysis
import PruneCore

#if canImport(Glibc)
import Glibc
#endif

/// BPAS-5's measurement: batch-level B-PAS against sample-level stable pruning at the same
/// retained share, with random-removal baselines.
struct GranularityComparison {
  struct Outcome {
    let retained: Double
    let histogram: [Double]
    let tv: Double
    let kl: Double
  }

  let original: [Double]
  let batch: Outcome
  let sample: Outcome
  let randomBatchTV: (mean: Double, sd: Double)
  let randomSampleTV: (mean: Double, sd: Double)

  /// - Parameter classSortedBatches: Breaks B-PAS's assumption that a batch mixes classes (a
  ///   negative control): the rule's fixed batches are filled class by class.
  static func run(
    _ data: ClassStabilityData, draws: Int, seed: UInt64, classSortedBatches: Bool = false
  ) throws -> GranularityComparison {
    let setting = BpasSimulationSettings(
      name: "class stability", sampleCount: data.sampleCount, batchSize: data.batchSize,
      plannedEpochs: data.plannedEpochs, deltaStart: 1e-6, deltaEnd: 5e-5,
      activation: try .init())
    // The rule's sample j stands for data sample remap[j]: the identity, or (class-sorted) the
    // map that fills the rule's batches, in id order, with the samples sorted by class.
    var remap = Array(0..<data.sampleCount)
    if classSortedBatches {
      let probe = try BpasSimulation.run(setting, seed: seed) { _, _, _ in 0 }
      let byClass = remap.sorted { (data.labels[$0], $0) < (data.labels[$1], $1) }
      var next = 0
      for id in probe.members.keys.sorted() {
        for j in probe.members[id] ?? [] {
          remap[j] = byClass[next]
          next += 1
        }
      }
    }
    let simulation = try BpasSimulation.run(setting, seed: seed) { _, members, epoch in
      var total = 0.0
      for i in members { total += data.statistic(sample: remap[i], epoch: epoch) }
      return total / Double(members.count)
    }
    let members = simulation.members.mapValues { $0.map { remap[$0] } }
    let n0 = simulation.originalBatchCount
    // The epoch whose plan keeps closest to half of the batches (ties: the earliest).
    var chosen = simulation.activeBatches.count - 1
    var best = Double.infinity
    for (e, batches) in simulation.activeBatches.enumerated() {
      let distance = abs(Double(batches.count) / Double(n0) - 0.5)
      if distance < best {
        best = distance
        chosen = e
      }
    }
    let keptBatches = simulation.activeBatches[chosen]
    let keptSamples = keptBatches.flatMap { members[$0] ?? [] }
    let original = data.classShares(of: 0..<data.sampleCount)
    let batch = outcome(data, keptSamples, original: original)

    let target = keptSamples.count
    let scale = matchedScale(data, epoch: chosen, target: target)
    let sampleKept = samplePruning(data, epoch: chosen, scale: scale)
    let sample = outcome(data, sampleKept, original: original)

    var generator = SeededGenerator(seed: seed, stream: 0xB5A5_2000)
    var batchTVs: [Double] = []
    var sampleTVs: [Double] = []
    var batchIDs = Array(0..<n0)
    var samples = Array(0..<data.sampleCount)
    for _ in 0..<draws {
      partialShuffle(&batchIDs, first: keptBatches.count, using: &generator)
      let kept = batchIDs.prefix(keptBatches.count).flatMap { members[$0] ?? [] }
      batchTVs.append(ClassHistogramDivergence.totalVariation(original, data.classShares(of: kept)))
      partialShuffle(&samples, first: sampleKept.count, using: &generator)
      sampleTVs.append(
        ClassHistogramDivergence.totalVariation(original, data.classShares(of: samples.prefix(sampleKept.count))))
    }
    let b = try Moments(batchTVs)
    let s = try Moments(sampleTVs)
    return GranularityComparison(
      original: original, batch: batch, sample: sample,
      randomBatchTV: (b.mean, b.standardDeviation), randomSampleTV: (s.mean, s.standardDeviation))
  }

  static func outcome(_ data: ClassStabilityData, _ kept: [Int], original: [Double]) -> Outcome {
    let shares = data.classShares(of: kept)
    return Outcome(
      retained: Double(kept.count) / Double(data.sampleCount), histogram: shares,
      tv: ClassHistogramDivergence.totalVariation(original, shares),
      kl: ClassHistogramDivergence.kullbackLeibler(retained: shares, original: original))
  }

  /// The samples sample-level pruning still trains in 0-based epoch `epoch`: the B-PAS rule per
  /// sample (drop i after 1-based epoch t >= 2 iff |x_i(t-1) - x_i(t)| <= scale delta(t)).
  static func samplePruning(_ data: ClassStabilityData, epoch: Int, scale: Double) -> [Int] {
    let schedule = BPASConfiguration.standard
    var active = [Bool](repeating: true, count: data.sampleCount)
    if epoch >= 2 {
      for t in 2...epoch {
        let threshold = scale * schedule.threshold(epoch: t, plannedEpochs: data.plannedEpochs)
        for i in 0..<data.sampleCount where active[i] {
          let change = abs(data.statistic(sample: i, epoch: t - 2) - data.statistic(sample: i, epoch: t - 1))
          if change <= threshold { active[i] = false }
        }
      }
    }
    return active.indices.filter { active[$0] }
  }

  /// The threshold scale at which sample-level pruning keeps `target` samples in `epoch`
  /// (bisection on log scale; retention falls as the scale grows).
  static func matchedScale(_ data: ClassStabilityData, epoch: Int, target: Int) -> Double {
    var low = -12.0
    var high = 12.0
    for _ in 0..<40 {
      let middle = (low + high) / 2
      let kept = samplePruning(data, epoch: epoch, scale: pow(10, middle)).count
      if kept > target { low = middle } else { high = middle }
    }
    return pow(10, (low + high) / 2)
  }

  /// Moves a uniform random choice of `first` elements to the front (partial Fisher-Yates).
  static func partialShuffle(_ values: inout [Int], first: Int, using generator: inout SeededGenerator) {
    for k in 0..<min(first, values.count) {
      let j = k + generator.nextIndex(below: values.count - k)
      values.swapAt(k, j)
    }
  }
}
