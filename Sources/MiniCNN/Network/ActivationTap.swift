/// A view of one block's post-ReLU activation tensor during the training forward (cnn.md "Taps").
///
/// The buffer is valid only inside the hook call; the layout is channel-major
/// `[channels][batch][height][width]` (``ChannelMajorLayout``).
public struct ActivationTap {
  /// 0, 1 or 2: the block.
  public let index: Int
  /// The tensor's extents `[channels, batch, height, width]`.
  public let shape: [Int]
  /// The elements.
  public let values: UnsafeBufferPointer<Float>

  /// The unbiased standard deviation over all elements, in `Double` (B-PAS's per-tap statistic):
  /// ```
  /// s = sqrt( (sum x^2 - (sum x)^2 / n) / (n - 1) )
  /// ```
  /// with both sums accumulated in double precision term by term. 0 for fewer than 2 elements.
  public var standardDeviation: Double {
    guard let base = values.baseAddress else { return 0 }
    return ActivationTap.unbiasedStandardDeviation(base, count: values.count)
  }

  static func unbiasedStandardDeviation(_ values: UnsafePointer<Float>, count: Int) -> Double {
    let (sum, squares) = Reductions.doubleSumAndSumOfSquares(values, count: count)
    return unbiasedStandardDeviation(sum: sum, sumOfSquares: squares, count: count)
  }

  /// `sqrt((S2 - S1^2 / n) / (n - 1))` from double-precision moments (0 for n < 2).
  static func unbiasedStandardDeviation(sum: Double, sumOfSquares: Double, count: Int) -> Double {
    guard count > 1 else { return 0 }
    let n = Double(count)
    let variance = (sumOfSquares - sum * sum / n) / (n - 1)
    return max(0, variance).squareRoot()
  }
}
