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
  /// Uses min(groupCount, distinct values) groups, so no group is empty. Equal values always share
  /// a group: a group ends only where the value changes (some optimal partition does so, and
  /// sklearn's nearest-centre assignment never separates equal points). Without that rule the
  /// rounding noise in the SSE of a run of equal values could cut it, and with BLS scores a run
  /// is a whole batch (issue 9 item 6). So the dynamic programme runs over the runs of equal
  /// values; when all values differ it is the plain one over the values.
  /// - Returns: The exclusive end offset of each group, ascending; the last is `sorted.count`.
  ///   Empty for empty input.
  /// - Complexity: O(*k m* log *m*) time, O(*k m*) memory for the split points, m the number of
  ///   distinct values.
  public static func groupEnds(sorted: [Double], groupCount: Int) -> [Int] {
    precondition(groupCount >= 1, "groupCount must be at least 1")
    let n = sorted.count
    guard n > 0 else { return [] }
    // runEnds[r]: exclusive end of the r-th run of equal values.
    var runEnds: [Int] = []
    for i in 1..<max(n, 1) where sorted[i] != sorted[i - 1] { runEnds.append(i) }
    runEnds.append(n)
    let m = runEnds.count
    let k = min(groupCount, m)
    guard k > 1 else { return [n] }
    let costs = IntervalCosts(sorted: sorted, runEnds: runEnds)
    return costs.withTable { table in
      // previous[r] = D[c-1][r]; splits[c m + r] = first run of the last group in D[c][r].
      let previous = UnsafeMutableBufferPointer<Double>.allocate(capacity: m)
      let current = UnsafeMutableBufferPointer<Double>.allocate(capacity: m)
      let splits = UnsafeMutableBufferPointer<Int32>.allocate(capacity: k * m)
      defer {
        previous.deallocate()
        current.deallocate()
        splits.deallocate()
      }
      for r in 0..<m { previous[r] = table.sse(0, r) }
      var (before, now) = (previous, current)
      for c in 1..<k {
        let layer = Layer(
          index: c, costs: table, previous: UnsafePointer(before.baseAddress!),
          current: now.baseAddress!, split: splits.baseAddress! + c * m)
        if c < k - 1 {
          layer.solve(low: c, high: m - 1, optimumLow: c, optimumHigh: m - 1)
        } else {
          // The last layer is needed at m - 1 only: the recursion's right spine gives it,
          // visiting the same nodes with the same ranges, so the same split.
          layer.solveRightSpine(low: c, high: m - 1, optimumLow: c, optimumHigh: m - 1)
        }
        swap(&before, &now)
      }
      var ends = [Int](repeating: 0, count: k)
      var end = m - 1
      for c in stride(from: k - 1, through: 1, by: -1) {
        ends[c] = runEnds[end]
        end = Int(splits[c * m + end]) - 1
      }
      ends[0] = runEnds[end]
      return ends
    }
  }

  /// One layer c of the programme over raw buffers.
  private struct Layer {
    let index: Int
    let costs: IntervalCosts.Table
    let previous: UnsafePointer<Double>
    let current: UnsafeMutablePointer<Double>
    let split: UnsafeMutablePointer<Int32>

    /// What ``solve(low:high:optimumLow:optimumHigh:)`` computes at its right-most nodes, down to
    /// `current[high]`, without the left subtrees (which do not change those nodes' ranges).
    func solveRightSpine(low: Int, high: Int, optimumLow: Int, optimumHigh: Int) {
      var low = low
      var optimumLow = optimumLow
      while low <= high {
        let mid = (low + high) / 2
        optimumLow = best(at: mid, optimumLow: optimumLow, optimumHigh: optimumHigh)
        low = mid + 1
      }
    }

    /// Fills `current[mid]` and `split[mid]` from the starts in `optimumLow...optimumHigh` (the
    /// first best one wins) and returns the best start.
    ///
    /// Eight starts at a time in SIMD lanes, each lane's value computed with exactly the
    /// operations of ``IntervalCosts/Table/sse(_:_:)`` (so the same doubles), each lane keeping
    /// its first strict minimum; the lanes are then merged by (value, start), which is the first
    /// strict minimum of the whole range: the same choice as the one-at-a-time loop.
    @inline(__always)
    func best(at mid: Int, optimumLow: Int, optimumHigh: Int) -> Int {
      let first = max(index, optimumLow)
      let last = min(mid, optimumHigh)
      var best = Double.infinity
      var bestStart = first
      var start = first
      if last + 1 - first >= 16 {
        let endCount = SIMD8<Double>(repeating: costs.counts[mid + 1])
        let endSum = SIMD8<Double>(repeating: costs.sums[mid + 1])
        let endSquares = SIMD8<Double>(repeating: costs.squares[mid + 1])
        let zero = SIMD8<Double>()
        var laneBest = SIMD8<Double>(repeating: .infinity)
        var laneStart = SIMD8<Int64>(repeating: .max)
        var candidate = SIMD8<Int64>(0, 1, 2, 3, 4, 5, 6, 7) &+ Int64(first)
        let step = SIMD8<Int64>(repeating: 8)
        while start + 8 <= last + 1 {
          let count = endCount - Self.load(costs.counts, start)
          let s = endSum - Self.load(costs.sums, start)
          var cost = (endSquares - Self.load(costs.squares, start)) - s * s / count
          cost.replace(with: zero, where: .!(cost .>= zero))  // max(0, cost), NaN to 0 as max does
          let value = Self.load(previous, start - 1) + cost
          let better = value .< laneBest
          laneBest.replace(with: value, where: better)
          laneStart.replace(with: candidate, where: better)
          candidate &+= step
          start += 8
        }
        for lane in 0..<8 where laneStart[lane] != .max {
          let value = laneBest[lane]
          let laneFirst = Int(laneStart[lane])
          if value < best || (value == best && laneFirst < bestStart) {
            best = value
            bestStart = laneFirst
          }
        }
      }
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
      return bestStart
    }

    @inline(__always)
    static func load(_ base: UnsafePointer<Double>, _ offset: Int) -> SIMD8<Double> {
      UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD8<Double>.self)
    }

    /// Fills `current[low...high]`, knowing the optimal split lies in
    /// `optimumLow...optimumHigh` (divide and conquer on the monotone split points).
    func solve(low: Int, high: Int, optimumLow: Int, optimumHigh: Int) {
      guard low <= high else { return }
      let mid = (low + high) / 2
      let bestStart = best(at: mid, optimumLow: optimumLow, optimumHigh: optimumHigh)
      solve(low: low, high: mid - 1, optimumLow: optimumLow, optimumHigh: bestStart)
      solve(low: mid + 1, high: high, optimumLow: bestStart, optimumHigh: optimumHigh)
    }
  }
}

/// Within-interval sums of squares over runs of values, from prefix sums of values centred on
/// their mean (centring keeps `sum x^2 - (sum x)^2 / n` from cancelling badly).
struct IntervalCosts {
  private var sums: [Double]
  private var squares: [Double]
  /// Prefix counts: values in runs 0..<r.
  private var counts: [Double]

  /// - Parameter runEnds: the exclusive end of each run of `sorted`, ascending, the last
  ///   `sorted.count`.
  init(sorted: [Double], runEnds: [Int]) {
    var total = 0.0
    for x in sorted { total += x }
    let centre = total / Double(sorted.count)
    sums = [Double](repeating: 0, count: runEnds.count + 1)
    squares = [Double](repeating: 0, count: runEnds.count + 1)
    counts = [Double](repeating: 0, count: runEnds.count + 1)
    var runningSum = 0.0
    var runningSquares = 0.0
    var start = 0
    for (r, end) in runEnds.enumerated() {
      for x in sorted[start..<end] {
        let y = x - centre
        runningSum += y
        runningSquares += y * y
      }
      sums[r + 1] = runningSum
      squares[r + 1] = runningSquares
      counts[r + 1] = Double(end)
      start = end
    }
  }

  /// The prefix tables as raw pointers, for the inner loop.
  struct Table {
    let sums: UnsafePointer<Double>
    let squares: UnsafePointer<Double>
    let counts: UnsafePointer<Double>

    /// The sum of squared deviations from their mean of the values of runs `first...last`.
    @inline(__always)
    func sse(_ first: Int, _ last: Int) -> Double {
      let count = counts[last + 1] - counts[first]
      let s = sums[last + 1] - sums[first]
      let value = (squares[last + 1] - squares[first]) - s * s / count
      return max(0, value)
    }
  }

  /// Calls `body` with the tables (valid only inside it).
  func withTable<R>(_ body: (Table) -> R) -> R {
    sums.withUnsafeBufferPointer { sums in
      squares.withUnsafeBufferPointer { squares in
        counts.withUnsafeBufferPointer { counts in
          body(
            Table(
              sums: sums.baseAddress!, squares: squares.baseAddress!,
              counts: counts.baseAddress!))
        }
      }
    }
  }
}
