#if canImport(Glibc)
import Glibc
#endif
import PruneCore

/// The non-uniform draws the generators need, each from a caller-owned ``SeededGenerator`` in a
/// fixed order, so the stream of values is a pure function of the generator's seed.
@usableFromInline
enum RandomDraws {
  @inlinable static func exp(_ x: Double) -> Double { Glibc.exp(x) }
  @inlinable static func log(_ x: Double) -> Double { Glibc.log(x) }
  @inlinable static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }

  /// A standard normal draw: Φ⁻¹(U) with one uniform U in (0, 1) (``NormalQuantile``).
  @inlinable
  static func gaussian(using generator: inout SeededGenerator) -> Double {
    let u = (Double(generator.next() >> 11) + 0.5) * 0x1.0p-53
    return NormalQuantile.value(at: u)
  }

  /// A Student-t draw with `nu` degrees of freedom (Bailey's polar method, Math. Comp. 62, 1994):
  /// U, V uniform on (-1, 1) with W = U² + V² < 1, then T = U · sqrt(nu (W^(-2/nu) - 1) / W).
  ///
  /// The draw is a standard t (variance nu / (nu - 2) for nu > 2, infinite for nu <= 2).
  @inlinable
  static func studentT(nu: Double, using generator: inout SeededGenerator) -> Double {
    while true {
      let u = 2 * generator.nextUnit() - 1
      let v = 2 * generator.nextUnit() - 1
      let w = u * u + v * v
      if w > 0, w < 1 {
        return u * (nu * (pow(w, -2 / nu) - 1) / w).squareRoot()
      }
    }
  }

  /// A Gamma(shape, 1) draw (Marsaglia & Tsang, ACM TOMS 26, 2000); shape < 1 is boosted by
  /// Gamma(shape + 1) · U^(1/shape).
  static func gamma(shape: Double, using generator: inout SeededGenerator) -> Double {
    if shape < 1 {
      let boosted = gamma(shape: shape + 1, using: &generator)
      var u = generator.nextUnit()
      while u == 0 { u = generator.nextUnit() }
      return boosted * pow(u, 1 / shape)
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x = 0.0
      var v = 0.0
      repeat {
        x = generator.nextGaussian()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = generator.nextUnit()
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if u > 0, log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
    }
  }
}
