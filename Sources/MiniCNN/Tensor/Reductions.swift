/// Vectorised reductions over contiguous float runs, accumulated so that long runs stay accurate.
///
/// A float sum of 10^5 terms loses about 3 digits; these sum blocks of 256 floats in eight SIMD
/// lanes and add the block sums into a `Double`, so the error is that of a 256-term float sum
/// (about 1e-6 relative at worst) whatever the run's length. Used by BatchNorm's batch statistics.
public enum Reductions {
  @usableFromInline static let blockLength = 256

  /// The sum of `count` floats.
  @inlinable
  public static func sum(_ values: UnsafePointer<Float>, count: Int) -> Double {
    var total = 0.0
    var start = 0
    while start < count {
      let end = min(start + blockLength, count)
      var lanes = SIMD8<Float>(repeating: 0)
      var i = start
      while i + 8 <= end {
        lanes += UnsafeRawPointer(values + i).loadUnaligned(as: SIMD8<Float>.self)
        i += 8
      }
      var block = lanes.sum()
      while i < end {
        block += values[i]
        i += 1
      }
      total += Double(block)
      start = end
    }
    return total
  }

  /// The sum of squared deviations from `center`: `sum_i (x_i - center)^2`.
  @inlinable
  public static func sumOfSquaredDeviations(
    _ values: UnsafePointer<Float>, count: Int, center: Float
  ) -> Double {
    var total = 0.0
    var start = 0
    let centers = SIMD8<Float>(repeating: center)
    while start < count {
      let end = min(start + blockLength, count)
      var lanes = SIMD8<Float>(repeating: 0)
      var i = start
      while i + 8 <= end {
        let d = UnsafeRawPointer(values + i).loadUnaligned(as: SIMD8<Float>.self) - centers
        lanes += d * d
        i += 8
      }
      var block = lanes.sum()
      while i < end {
        let d = values[i] - center
        block += d * d
        i += 1
      }
      total += Double(block)
      start = end
    }
    return total
  }

  /// `sum_i a_i * b_i`.
  @inlinable
  public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Double
  {
    var total = 0.0
    var start = 0
    while start < count {
      let end = min(start + blockLength, count)
      var lanes = SIMD8<Float>(repeating: 0)
      var i = start
      while i + 8 <= end {
        lanes +=
          UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
          * UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
        i += 8
      }
      var block = lanes.sum()
      while i < end {
        block += a[i] * b[i]
        i += 1
      }
      total += Double(block)
      start = end
    }
    return total
  }

  /// The sum and the sum of squares of `count` floats, every term accumulated in `Double`
  /// (the B-PAS tap statistic is specified in double precision, cnn.md "Taps").
  @inlinable
  public static func doubleSumAndSumOfSquares(
    _ values: UnsafePointer<Float>, count: Int
  ) -> (sum: Double, sumOfSquares: Double) {
    var s1 = SIMD4<Double>(repeating: 0)
    var s2 = SIMD4<Double>(repeating: 0)
    var t1 = SIMD4<Double>(repeating: 0)
    var t2 = SIMD4<Double>(repeating: 0)
    var i = 0
    while i + 8 <= count {
      let v = UnsafeRawPointer(values + i).loadUnaligned(as: SIMD8<Float>.self)
      let lo = SIMD4<Double>(SIMD4<Float>(v[0], v[1], v[2], v[3]))
      let hi = SIMD4<Double>(SIMD4<Float>(v[4], v[5], v[6], v[7]))
      s1 += lo
      s2 += lo * lo
      t1 += hi
      t2 += hi * hi
      i += 8
    }
    var sum = (s1 + t1).sum()
    var squares = (s2 + t2).sum()
    while i < count {
      let x = Double(values[i])
      sum += x
      squares += x * x
      i += 1
    }
    return (sum, squares)
  }
}
