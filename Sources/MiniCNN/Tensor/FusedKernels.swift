/// Single-pass elementwise kernels that fuse what would otherwise be separate sweeps over
/// activation tensors (the training step is memory-bound outside the GEMMs).
public enum FusedKernels {
  /// `y = a * x + b`, then `max(0, y)` when `rectifies`; returns the `Double` sum and sum of
  /// squares of the written values when `measures` (the B-PAS tap moments, cnn.md "Taps"),
  /// else (0, 0).
  @inlinable
  public static func affine(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int,
    scale a: Float, shift b: Float, rectifies: Bool, measures: Bool
  ) -> (sum: Double, sumOfSquares: Double) {
    let va = SIMD8<Float>(repeating: a)
    let vb = SIMD8<Float>(repeating: b)
    let zero = SIMD8<Float>(repeating: 0)
    var s1 = SIMD4<Double>(repeating: 0)
    var s2 = SIMD4<Double>(repeating: 0)
    var t1 = SIMD4<Double>(repeating: 0)
    var t2 = SIMD4<Double>(repeating: 0)
    var i = 0
    while i + 8 <= count {
      var v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self) * va + vb
      if rectifies { v.replace(with: zero, where: v .< zero) }
      UnsafeMutableRawPointer(y + i).storeBytes(of: v, as: SIMD8<Float>.self)
      if measures {
        let lo = SIMD4<Double>(SIMD4<Float>(v[0], v[1], v[2], v[3]))
        let hi = SIMD4<Double>(SIMD4<Float>(v[4], v[5], v[6], v[7]))
        s1 += lo
        s2 += lo * lo
        t1 += hi
        t2 += hi * hi
      }
      i += 8
    }
    var sum = (s1 + t1).sum()
    var squares = (s2 + t2).sum()
    while i < count {
      var v = x[i] * a + b
      if rectifies { v = max(0, v) }
      y[i] = v
      if measures {
        sum += Double(v)
        squares += Double(v) * Double(v)
      }
      i += 1
    }
    return measures ? (sum, squares) : (0, 0)
  }

  /// Applies the ReLU mask in place, `g[i] = output[i] > 0 ? g[i] : 0`, and returns
  /// `sum g` and `sum g * x` of the masked values (BatchNorm's backward sums).
  ///
  /// Sums use float SIMD lanes over blocks of 256 added into `Double` (see ``Reductions``).
  @inlinable
  public static func maskAndSums(
    gradient g: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>?,
    input x: UnsafePointer<Float>, count: Int
  ) -> (sum: Double, dot: Double) {
    let zero = SIMD8<Float>(repeating: 0)
    var total = 0.0
    var totalDot = 0.0
    var start = 0
    while start < count {
      let end = min(start + 256, count)
      var lanes = zero
      var dotLanes = zero
      var i = start
      while i + 8 <= end {
        var v = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD8<Float>.self)
        if let output {
          let o = UnsafeRawPointer(output + i).loadUnaligned(as: SIMD8<Float>.self)
          v.replace(with: zero, where: o .<= zero)
          UnsafeMutableRawPointer(g + i).storeBytes(of: v, as: SIMD8<Float>.self)
        }
        lanes += v
        dotLanes += v * UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
        i += 8
      }
      var block = lanes.sum()
      var blockDot = dotLanes.sum()
      while i < end {
        var v = g[i]
        if let output, output[i] <= 0 {
          v = 0
          g[i] = 0
        }
        block += v
        blockDot += v * x[i]
        i += 1
      }
      total += Double(block)
      totalDot += Double(blockDot)
      start = end
    }
    return (total, totalDot)
  }
}
