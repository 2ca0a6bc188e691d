import PruneCore

/// The three ways to find a pruning threshold that IB-5 times (InfoBatch Sec. 2.3, App. D).
///
/// - Mean threshold (InfoBatch): one pass for the mean, one to mark the candidates: O(N).
/// - Percentile by selection (nth_element): Hoare's quickselect with seeded random pivots,
///   expected O(N) (Floyd & Rivest 1975 refine the constant; not needed here).
/// - Percentile by full sort: O(N log N) comparisons.
enum SelectionKernels {
  /// The number of scores strictly below their mean (the InfoBatch candidates).
  static func meanThresholdCount(_ scores: [Double]) -> Int {
    scores.withUnsafeBufferPointer { s in
      var total = 0.0
      for x in s { total += x }
      let mean = total / Double(s.count)
      var count = 0
      for x in s where x < mean { count += 1 }
      return count
    }
  }

  /// The element of rank `rank` (0-based) of `values`, which are reordered: quickselect with a
  /// Lomuto-free Hoare partition around a random pivot from `generator`.
  ///
  /// - Complexity: expected O(*n*).
  static func select(rank: Int, in values: inout [Double], generator: inout SeededGenerator)
    -> Double
  {
    precondition(rank >= 0 && rank < values.count, "rank within the values")
    return values.withUnsafeMutableBufferPointer { v in
      var low = 0
      var high = v.count - 1
      while low < high {
        let pivot = v[low + generator.nextIndex(below: high - low + 1)]
        var i = low
        var j = high
        while i <= j {
          while v[i] < pivot { i += 1 }
          while v[j] > pivot { j -= 1 }
          if i <= j {
            v.swapAt(i, j)
            i += 1
            j -= 1
          }
        }
        if rank <= j {
          high = j
        } else if rank >= i {
          low = i
        } else {
          return v[rank]
        }
      }
      return v[rank]
    }
  }

  /// The element of rank `rank` by sorting all values.
  ///
  /// - Complexity: O(*n* log *n*).
  static func sortedRank(rank: Int, in values: inout [Double]) -> Double {
    values.sort()
    return values[rank]
  }
}
