/// Optimal k-means in one dimension: the partition of sorted values into contiguous groups with
/// the least total within-group sum of squares.
///
/// In 1-D every optimal k-means cluster is an interval of the sorted values, so dynamic
/// programming over the sorted values finds the global optimum (Wang & Song, "Ckmeans.1d.dp",
/// The R Journal 3(2), 2011):
/// ```
/// D[c][i] = min_{c <= j <= i} D[c-1][j-1] + SSE(x_j ... x_i)
/// ```
/// The optimal j is non-decreasing in i (SSE satisfies the quadrangle inequality), so each layer
/// is solved by divide and conquer in O(n log n). SeTa uses it by default (algorithms.md Part A
/// "SeTa"); sklearn's Lloyd iterations find a local optimum and can differ, in particular on ties.
public enum OptimalKMeans1D {
  /// Splits `sorted` (ascending) into at most `groupCount` contiguous groups of least SSE.
  ///
  /// Uses min(groupCount, distinct values) groups, so no group is empty.
  /// - Returns: The exclusive end offset of each group, ascending; the last is `sorted.count`.
  ///   Empty for empty input.
  /// - Complexity: O(*k n* log *n*) time, O(*k n*) memory for the split points.
  public static func groupEnds(sorted: [Double], groupCount: Int) -> [Int] {
    precondition(groupCount >= 1, "groupCount must be at least 1")
    let n = sorted.count
    guard n > 0 else { return [] }
    var distinct = 1
    for i in 1..<n where sorted[i] != sorted[i - 1] { distinct += 1 }
    let k = min(groupCount, distinct)
    guard k > 1 else { return [n] }
    let costs = IntervalCosts(sorted: sorted)
    // previous[i] = D[c-1][i]; splits[c][i] = start of the last group in D[c][i].
    var previous = (0..<n).map { costs.sse(0, $0) }
    var current = [Double](repeating: 0, count: n)
    var splits = [[Int32]](repeating: [], count: k)
    for c in 1..<k {
      var split = [Int32](repeating: 0, count: n)
      solveLayer(
        layer: c, low: c, high: n - 1, optimumLow: c, optimumHigh: n - 1, costs: costs,
        previous: previous, current: &current, split: &split)
      splits[c] = split
      swap(&previous, &current)
    }
    var ends = [Int](repeating: 0, count: k)
    var end = n - 1
    for c in stride(from: k - 1, through: 1, by: -1) {
      ends[c] = end + 1
      end = Int(splits[c][end]) - 1
    }
    ends[0] = end + 1
    return ends
  }

  /// Fills `current[low...high]` for layer `layer`, knowing the optimal split lies in
  /// `optimumLow...optimumHigh` (divide and conquer on the monotone split points).
  private static func solveLayer(
    layer: Int, low: Int, high: Int, optimumLow: Int, optimumHigh: Int, costs: IntervalCosts,
    previous: [Double], current: inout [Double], split: inout [Int32]
  ) {
    guard low <= high else { return }
    let mid = (low + high) / 2
    var best = Double.infinity
    var bestStart = max(layer, optimumLow)
    var start = max(layer, optimumLow)
    let last = min(mid, optimumHigh)
    while start <= last {
      let value = previous[start - 1] + costs.sse(start, mid)
      if value < best {
        best = value
        bestStart = start
      }
      start += 1
    }
    current[mid] = best
    split[mid] = Int32(bestStart)
    solveLayer(
      layer: layer, low: low, high: mid - 1, optimumLow: optimumLow, optimumHigh: bestStart,
      costs: costs, previous: previous, current: &current, split: &split)
    solveLayer(
      layer: layer, low: mid + 1, high: high, optimumLow: bestStart, optimumHigh: optimumHigh,
      costs: costs, previous: previous, current: &current, split: &split)
  }
}

/// Within-interval sums of squares from prefix sums of values centred on their mean (centring
/// keeps `sum x^2 - (sum x)^2 / n` from cancelling badly).
struct IntervalCosts {
  private var sums: [Double]
  private var squares: [Double]

  init(sorted: [Double]) {
    var total = 0.0
    for x in sorted { total += x }
    let centre = total / Double(sorted.count)
    sums = [Double](repeating: 0, count: sorted.count + 1)
    squares = [Double](repeating: 0, count: sorted.count + 1)
    for (i, x) in sorted.enumerated() {
      let y = x - centre
      sums[i + 1] = sums[i] + y
      squares[i + 1] = squares[i] + y * y
    }
  }

  /// The sum of squared deviations from their mean of values `first...last`.
  @inline(__always)
  func sse(_ first: Int, _ last: Int) -> Double {
    let count = Double(last - first + 1)
    let s = sums[last + 1] - sums[first]
    let value = (squares[last + 1] - squares[first]) - s * s / count
    return max(0, value)
  }
}
