import PruneCore

/// The real BLS score source driven with full-data, reshuffled batches over a ``LossTable``,
/// with snapshots of every score at chosen epochs (BLS-4).
struct BlsScoreRun {
  /// Scores at the end of each snapshot epoch, keyed by epoch.
  let snapshots: [Int: [Double]]

  /// - Parameters:
  ///   - table: l_i(e) for every epoch.
  ///   - alpha: The EMA factor (zero init, the official code).
  ///   - batchSize: B; batches are a fresh seeded shuffle per epoch, last one partial.
  ///   - snapshotEpochs: 0-based epochs after which the scores are copied.
  static func run(
    _ table: LossTable, alpha: Double, batchSize: Int, snapshotEpochs: Set<Int>, seed: UInt64
  ) throws -> BlsScoreRun {
    var score = try BatchLossScore(
      sampleCount: table.sampleCount, configuration: BatchLossScoreConfiguration(alpha: alpha))
    var snapshots: [Int: [Double]] = [:]
    let last = snapshotEpochs.max() ?? -1
    var order = Array(0..<table.sampleCount)
    for epoch in 0...max(0, last) where epoch < table.epochCount {
      order = Array(0..<table.sampleCount)
      var generator = SeededGenerator(seed: seed, stream: UInt64(epoch))
      order.seededShuffle(using: &generator)
      var start = 0
      var position = 0
      while start < order.count {
        let end = min(order.count, start + batchSize)
        var total = 0.0
        for p in start..<end { total += table.loss(sample: order[p], epoch: epoch) }
        try score.update(
          with: BatchReport(
            epoch: epoch, position: position, batchID: position, samples: order[start..<end],
            meanLoss: total / Double(end - start)))
        start = end
        position += 1
      }
      if snapshotEpochs.contains(epoch) { snapshots[epoch] = score.scores }
    }
    return BlsScoreRun(snapshots: snapshots)
  }
}
