/// Sorting samples by score, ties by index, in linear time (SeTa's grouping, algorithms.md §3).
///
/// A least-significant-digit radix sort on the scores' bit patterns mapped to unsigned keys whose
/// order is the numeric order (negative numbers: all bits flipped; others: the sign bit set; -0
/// is taken as +0 so the two zeros tie, as `<` and `==` see them). Radix sorting is stable, so
/// samples given in ascending index order come out sorted by (score, index): the order
/// `sorted { scores[a] < scores[b] || (scores[a] == scores[b] && a < b) }` gives for finite
/// scores, at a fraction of the cost of a comparison sort (eight streaming passes, a pass skipped
/// when every key has the same byte there).
enum ScoreOrder {
  /// `samples` (ascending) sorted by (score, index), and their scores in that order.
  static func sorted(ascendingSamples samples: [Int], scores: [Double]) -> (
    order: [Int], sortedScores: [Double]
  ) {
    let n = samples.count
    var keys = [UInt64](repeating: 0, count: n)
    // Positions in `samples` as 32-bit values: a third less to move per pass than 64-bit indices.
    var order = (0..<UInt32(truncatingIfNeeded: n)).map { $0 }
    precondition(n <= Int(UInt32.max), "at most 2^32 - 1 samples")
    scores.withUnsafeBufferPointer { scores in
      for j in 0..<n { keys[j] = key(scores[samples[j]]) }
    }
    var histograms = [Int](repeating: 0, count: 8 * 256)
    keys.withUnsafeBufferPointer { keys in
      histograms.withUnsafeMutableBufferPointer { h in
        for key in keys {
          for byte in 0..<8 { h[byte * 256 + Int((key >> UInt64(8 * byte)) & 0xFF)] += 1 }
        }
      }
    }
    var otherKeys = [UInt64](repeating: 0, count: n)
    var otherOrder = [UInt32](repeating: 0, count: n)
    for byte in 0..<8 {
      let counts = histograms[(byte * 256)..<(byte * 256 + 256)]
      if counts.contains(n) { continue }  // every key has this byte: the pass changes nothing
      var offsets = [Int](repeating: 0, count: 256)
      var running = 0
      for b in 0..<256 {
        offsets[b] = running
        running += counts[byte * 256 + b]
      }
      let shift = UInt64(8 * byte)
      keys.withUnsafeBufferPointer { sourceKeys in
        order.withUnsafeBufferPointer { sourceOrder in
          otherKeys.withUnsafeMutableBufferPointer { targetKeys in
            otherOrder.withUnsafeMutableBufferPointer { targetOrder in
              offsets.withUnsafeMutableBufferPointer { next in
                for j in 0..<n {
                  let key = sourceKeys[j]
                  let bucket = Int((key >> shift) & 0xFF)
                  let position = next[bucket]
                  next[bucket] = position + 1
                  targetKeys[position] = key
                  targetOrder[position] = sourceOrder[j]
                }
              }
            }
          }
        }
      }
      swap(&keys, &otherKeys)
      swap(&order, &otherOrder)
    }
    let sortedScores = keys.map(score(ofKey:))
    return (order.map { samples[Int($0)] }, sortedScores)
  }

  /// An unsigned key ordered like the double (finite values; -0 as +0).
  @inline(__always)
  static func key(_ value: Double) -> UInt64 {
    let bits = (value == 0 ? 0.0 : value).bitPattern
    return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
  }

  /// The double of a key made by ``key(_:)``.
  @inline(__always)
  static func score(ofKey key: UInt64) -> Double {
    Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
  }
}
