/// The exact test `x < mean(values)`, independent of the order in which the values are summed.
///
/// InfoBatch's candidates (`s_i < mean(s)`, algorithms.md §1.2 and §6.1), RePB's local window
/// (`keep iff s_i >= mu`, §4) and hard pruning compare a score with a mean. Computed in floating
/// point, the mean of equal scores is not always that score (three copies of 0.1 sum to
/// 0.30000000000000004), so a tie is decided by rounding, and the decision changes with the
/// summation order. Batch Loss Scores make such ties common: every member of a batch receives the
/// same update (§2.4), so whole batches share one score. Issue 9 item 6 asks for exact decisions.
///
/// For doubles x and the real number m = (sum_j v_j) / n, `x < m` holds exactly when `x < c`,
/// c = the smallest double not below m (m rounded upward): if m is a double then c = m, otherwise
/// no double lies strictly between the two doubles around m. So one threshold c, computed once,
/// turns every exact comparison into one floating-point comparison.
///
/// Computing c: a fast sum with a rigorous error bound brackets m in [low, high]. When no value
/// lies in [low, high), every value's decision is the same for any threshold in that bracket, and
/// `low` is returned. Otherwise (ties, or a value within rounding of the mean) the sum is
/// computed exactly as a non-overlapping expansion (Shewchuk, "Adaptive precision floating-point
/// arithmetic", 1997, the algorithm behind Python's `math.fsum`) and c is found by comparing
/// `n q` with the exact sum, both as exact expansions, for q next to the rounded quotient.
public enum MeanThreshold {
  /// A threshold c with `x < c` iff `x < mean(values)` exactly, for every x in `values`.
  ///
  /// Any order of the same values gives the same decisions. Values that are not finite (or a sum
  /// that overflows) fall back to the rounded mean, whose comparisons are then the plain ones.
  /// An empty buffer gives 0 (there is nothing to decide).
  /// - Complexity: O(*n*): two passes; the exact path (only with ties near the mean) costs
  ///   about ten further operations per value.
  public static func below(_ values: UnsafeBufferPointer<Double>) -> Double {
    guard !values.isEmpty else { return 0 }
    let estimate = BracketedSum(values)
    let n = Double(values.count)
    guard estimate.isFinite else { return estimate.sum / n }
    let (low, high) = estimate.meanBracket(count: n)
    let (belowLow, belowHigh) = countBelow(values, low, high)
    if belowLow == belowHigh { return low }
    return exactCeilingOfMean(values)
  }

  /// The numbers of values below `low` and below `high`, counted in SIMD lanes (no branch per
  /// value: the comparisons are unpredictable).
  static func countBelow(_ values: UnsafeBufferPointer<Double>, _ low: Double, _ high: Double)
    -> (Int, Int)
  {
    let lowLanes = SIMD8<Double>(repeating: low)
    let highLanes = SIMD8<Double>(repeating: high)
    let one = SIMD8<Int64>(repeating: 1)
    let zero = SIMD8<Int64>()
    var belowLow = zero
    var belowHigh = zero
    var i = 0
    let n = values.count
    while i + 8 <= n {
      let v = UnsafeRawPointer(values.baseAddress! + i).loadUnaligned(as: SIMD8<Double>.self)
      belowLow &+= zero.replacing(with: one, where: v .< lowLanes)
      belowHigh &+= zero.replacing(with: one, where: v .< highLanes)
      i += 8
    }
    var countLow = Int(belowLow.wrappedSum())
    var countHigh = Int(belowHigh.wrappedSum())
    while i < n {
      countLow &+= values[i] < low ? 1 : 0
      countHigh &+= values[i] < high ? 1 : 0
      i += 1
    }
    return (countLow, countHigh)
  }

  /// ``below(_:)`` for an array.
  public static func below(_ values: [Double]) -> Double {
    values.withUnsafeBufferPointer { below($0) }
  }

  /// ``below(_:)`` for an array slice.
  public static func below(_ values: ArraySlice<Double>) -> Double {
    values.withUnsafeBufferPointer { below($0) }
  }

  /// The smallest double not below the exact mean (for finite values whose sum does not
  /// overflow).
  static func exactCeilingOfMean(_ values: UnsafeBufferPointer<Double>) -> Double {
    let first = values[0]
    if values.allSatisfy({ $0 == first }) { return first }
    let sum = ExactExpansion(summing: values)
    let n = Double(values.count)
    // sign(n q - sum), exactly: n q = p + e with p = fl(n q), e = fma(n, q, -p).
    func compare(_ q: Double) -> Int {
      let p = n * q
      let e = (-p).addingProduct(n, q)
      var difference = sum
      difference.add(-p)
      difference.add(-e)
      return -difference.sign
    }
    var q = sum.approximateValue / n
    guard q.isFinite else { return q }
    while compare(q) < 0 { q = q.nextUp }
    while compare(q.nextDown) >= 0 { q = q.nextDown }
    return q
  }
}

/// A sum in eight interleaved lanes, in blocks, with a rigorous bound on its rounding error.
///
/// Each block of 1,024 values is summed in 8 lanes of 128 terms, the lanes pairwise; the block
/// sums are accumulated with Neumaier's compensation. The rounding error is then at most
/// about (128 + 3) u sum|v| for the blocks plus 2 u |sum| for the compensated total (u = 2^-53,
/// Higham, "Accuracy and Stability of Numerical Algorithms", §4.2 and §4.3); ``meanBracket(count:)``
/// uses twice that.
struct BracketedSum {
  /// The rounded sum.
  var sum = 0.0
  /// The rounded sum of magnitudes.
  var magnitude = 0.0

  init(_ values: UnsafeBufferPointer<Double>) {
    var total = 0.0
    var compensation = 0.0
    var magnitudes = 0.0
    var start = 0
    while start < values.count {
      let end = min(start + Self.blockLength, values.count)
      let (block, absolute) = Self.blockSums(values, start, end)
      let next = total + block
      compensation +=
        abs(total) >= abs(block) ? (total - next) + block : (block - next) + total
      total = next
      magnitudes += absolute
      start = end
    }
    sum = total + compensation
    magnitude = magnitudes
  }

  static let blockLength = 1024

  /// The sum and the sum of magnitudes of `values[start..<end]`, in eight lanes.
  @inline(__always)
  private static func blockSums(_ values: UnsafeBufferPointer<Double>, _ start: Int, _ end: Int)
    -> (Double, Double)
  {
    var a = SIMD8<Double>()
    var m = SIMD8<Double>()
    var i = start
    while i + 8 <= end {
      let v = UnsafeRawPointer(values.baseAddress! + i).loadUnaligned(as: SIMD8<Double>.self)
      a += v
      m += v.replacing(with: -v, where: v .< 0)
      i += 8
    }
    var tail = 0.0
    var tailMagnitude = 0.0
    while i < end {
      tail += values[i]
      tailMagnitude += abs(values[i])
      i += 1
    }
    let low = (a[0] + a[1]) + (a[2] + a[3])
    let high = (a[4] + a[5]) + (a[6] + a[7])
    let lowM = (m[0] + m[1]) + (m[2] + m[3])
    let highM = (m[4] + m[5]) + (m[6] + m[7])
    return ((low + high) + tail, (lowM + highM) + tailMagnitude)
  }

  var isFinite: Bool { sum.isFinite && magnitude.isFinite }

  /// An interval [low, high] that contains the exact mean `sum / count`.
  func meanBracket(count: Double) -> (low: Double, high: Double) {
    // Error of the blocks: at most (128 lane terms + 3 pairwise + 8 tail) u per magnitude; of
    // the compensated total: 2 u |sum|. Doubled, plus the rounding of the two operations below.
    let u = 0x1p-53
    let error = 2 * (Double(Self.blockLength / 8 + 11) * u * magnitude + 2 * u * abs(sum))
    let slack = error + 4 * u * abs(sum)
    return (((sum - slack) / count).nextDown, ((sum + slack) / count).nextUp)
  }
}
