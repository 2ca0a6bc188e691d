import PruneCore

#if canImport(Glibc)
  import Glibc
#endif

/// The three ways to find a pruning threshold that IB-5 measures (InfoBatch Sec. 2.3, App. D),
/// each counting its elementary operations so the cost is known in a machine-independent unit.
///
/// - Mean threshold (InfoBatch): one pass for the mean, one to mark the candidates: 2N element
///   reads, O(N).
/// - Percentile by selection (nth_element): Hoare's quickselect with seeded random pivots,
///   expected (2 + 2 ln 2) N ≈ 3.39 N comparisons for the median (Knuth, TAOCP Vol. 3,
///   §5.3.3 Ex. 32; Floyd & Rivest 1975 refine the constant; not needed here): O(N).
/// - Percentile by full sort: a top-down merge sort, at least log2(N!) ≈ N log2 N − N log2 e
///   comparisons on average (any comparison sort) and at most N⌈log2 N⌉ − 2^⌈log2 N⌉ + 1:
///   O(N log N).
///
/// The counts depend only on the scores and the pivot generator, so they are the same on every
/// run with the same seed (claims.md "IB-5").
enum SelectionKernels {
  /// The outcome of a kernel: its answer and the number of elementary operations it performed.
  struct Counted<Value> {
    var value: Value
    /// Element reads (mean threshold) or comparisons between scores (quickselect, sort).
    var operations: Int
  }

  /// The number of scores strictly below their mean (the InfoBatch candidates), counting the
  /// element reads of its two passes (2N).
  static func meanThresholdCount(_ scores: [Double]) -> Counted<Int> {
    scores.withUnsafeBufferPointer { s in
      var reads = 0
      var total = 0.0
      for x in s {
        total += x
        reads += 1
      }
      let mean = total / Double(s.count)
      var count = 0
      for x in s {
        reads += 1
        if x < mean { count += 1 }
      }
      return Counted(value: count, operations: reads)
    }
  }

  /// The element of rank `rank` (0-based) of `values`, which are reordered: quickselect with a
  /// Hoare partition around a random pivot from `generator`, counting comparisons between a
  /// score and the pivot.
  ///
  /// - Complexity: expected O(*n*).
  static func select(rank: Int, in values: inout [Double], generator: inout SeededGenerator)
    -> Counted<Double>
  {
    precondition(rank >= 0 && rank < values.count, "rank within the values")
    return values.withUnsafeMutableBufferPointer { v in
      var comparisons = 0
      var low = 0
      var high = v.count - 1
      while low < high {
        let pivot = v[low + generator.nextIndex(below: high - low + 1)]
        var i = low
        var j = high
        while i <= j {
          comparisons += 1
          while v[i] < pivot {
            i += 1
            comparisons += 1
          }
          comparisons += 1
          while v[j] > pivot {
            j -= 1
            comparisons += 1
          }
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
          return Counted(value: v[rank], operations: comparisons)
        }
      }
      return Counted(value: v[rank], operations: comparisons)
    }
  }

  /// The element of rank `rank` by sorting all values with a top-down merge sort that counts
  /// its comparisons.
  ///
  /// A merge sort is used rather than the standard library's sort because its count has a
  /// known model: between the bound log2(N!) ≈ N log2 N − 1.44 N and the worst case
  /// N⌈log2 N⌉ − 2^⌈log2 N⌉ + 1 (Knuth, TAOCP Vol. 3, §5.2.4), so N log2 N − c N with
  /// 0.9 ≲ c ≤ 1.44. (The standard library's sort extends runs by linear insertion, which adds a
  /// linear term of about 10 N at these sizes and hides the N log N growth in small exponents.)
  ///
  /// - Complexity: O(*n* log *n*).
  static func sortedRank(rank: Int, in values: inout [Double]) -> Counted<Double> {
    precondition(rank >= 0 && rank < values.count, "rank within the values")
    var scratch = values
    var comparisons = 0
    values.withUnsafeMutableBufferPointer { v in
      scratch.withUnsafeMutableBufferPointer { w in
        mergeSort(v, scratch: w, low: 0, high: v.count, comparisons: &comparisons)
      }
    }
    return Counted(value: values[rank], operations: comparisons)
  }

  /// Sorts `v[low..<high]` (using `scratch` of the same length), adding its comparisons.
  private static func mergeSort(
    _ v: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>,
    low: Int, high: Int, comparisons: inout Int
  ) {
    guard high - low > 1 else { return }
    let middle = low + (high - low) / 2
    mergeSort(v, scratch: scratch, low: low, high: middle, comparisons: &comparisons)
    mergeSort(v, scratch: scratch, low: middle, high: high, comparisons: &comparisons)
    var i = low
    var j = middle
    var k = low
    while i < middle && j < high {
      comparisons += 1
      if v[j] < v[i] {
        scratch[k] = v[j]
        j += 1
      } else {
        scratch[k] = v[i]
        i += 1
      }
      k += 1
    }
    while i < middle {
      scratch[k] = v[i]
      i += 1
      k += 1
    }
    while j < high {
      scratch[k] = v[j]
      j += 1
      k += 1
    }
    for index in low..<high { v[index] = scratch[index] }
  }

  /// N⌈log2 N⌉ − 2^⌈log2 N⌉ + 1: the most comparisons a top-down merge sort makes on N values.
  static func mergeSortWorstCase(_ n: Int) -> Int {
    guard n > 1 else { return 0 }
    var ceilingLog = 0
    while (1 << ceilingLog) < n { ceilingLog += 1 }
    return n * ceilingLog - (1 << ceilingLog) + 1
  }

  /// log2(N!) / N: the average comparisons per element any comparison sort needs
  /// (the information-theoretic bound), from lgamma.
  static func sortLowerBoundPerElement(_ n: Int) -> Double {
    guard n > 1 else { return 0 }
    return lgamma(Double(n) + 1) / log(2.0) / Double(n)
  }
}
