/// What a log reader does with the (epoch, index) pairs a log does not list.
///
/// A run under a pruning rule logs only what it trained: a sample InfoBatch skipped has no loss
/// in that epoch, a batch B-PAS dropped has no X̄ after the drop. Replaying such a log through
/// another rule (or the same rule with other settings) needs a value for every pair the replay
/// may ask for, so the gaps must either be refused or filled, and the choice is the user's.
public enum MissingLogEntries: String, Sendable, Hashable, CaseIterable {
  /// Every epoch must list every index; a gap is an error naming the first missing pair
  /// (the right check for a full-data log, where a gap means a damaged file).
  case reject
  /// A missing value is the index's value in its latest earlier logged epoch: what the run
  /// last saw of it, which is also the score InfoBatch and RePB keep for a skipped sample.
  /// Before an index's first logged epoch its first logged value is used; an index the log
  /// never lists takes the mean of its epoch's logged values. The counts of each kind are in
  /// ``LogFill``: a replay of a filled log is an approximation wherever they are not zero.
  case carryForward = "carry-forward"
}

/// How many values a log reader filled (``MissingLogEntries/carryForward``), and how.
public struct LogFill: Sendable, Hashable {
  /// Values copied from the same index's latest earlier logged epoch.
  public var carriedForward = 0
  /// Values copied from the index's first logged epoch (gaps before it).
  public var carriedBackward = 0
  /// Values of indices the log never lists: their epoch's mean logged value.
  public var epochMeans = 0
  /// Indices the log never lists (each filled with epoch means in every epoch).
  public var unloggedIndices = 0
  /// True when the log had labels but some sample never appears, so its label is unknown and
  /// the labels were dropped.
  public var droppedLabels = false

  public init() {}

  /// All filled values.
  public var total: Int { carriedForward + carriedBackward + epochMeans }

  /// A one-line account for notices and manifests ("filled 120 of 4000 values: ...");
  /// `indexName` is "sample" or "batch".
  public func summary(ofValues count: Int, indexName: String) -> String {
    var text = "filled \(total) of \(count) values: \(carriedForward) carried forward, "
      + "\(carriedBackward) carried back, \(epochMeans) epoch means"
    if unloggedIndices > 0 { text += " (\(unloggedIndices) \(indexName)s never logged)" }
    if droppedLabels { text += "; labels dropped (a never-logged sample has no label)" }
    return text
  }
}

extension LogFill {
  /// Fills the pairs `logged` says are absent (``MissingLogEntries/carryForward``): per index,
  /// the latest earlier logged value, else the first logged value, else the epoch's mean over
  /// its logged values (every epoch has at least one, checked before).
  static func carryForward(
    _ values: inout [Double], logged: (Int) -> Bool, epochs: Int, count: Int
  ) -> LogFill {
    var fill = LogFill()
    var epochMean = [Double](repeating: 0, count: epochs)
    for epoch in 0..<epochs {
      var sum = 0.0
      var n = 0
      for index in 0..<count where logged(epoch * count + index) {
        sum += values[epoch * count + index]
        n += 1
      }
      epochMean[epoch] = n > 0 ? sum / Double(n) : 0
    }
    for index in 0..<count {
      guard let first = (0..<epochs).first(where: { logged($0 * count + index) }) else {
        fill.unloggedIndices += 1
        fill.epochMeans += epochs
        for epoch in 0..<epochs { values[epoch * count + index] = epochMean[epoch] }
        continue
      }
      var last = values[first * count + index]
      for epoch in 0..<epochs {
        let slot = epoch * count + index
        if logged(slot) {
          last = values[slot]
        } else {
          values[slot] = last
          if epoch < first { fill.carriedBackward += 1 } else { fill.carriedForward += 1 }
        }
      }
    }
    return fill
  }
}
