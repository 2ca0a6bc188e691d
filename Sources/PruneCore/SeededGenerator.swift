#if canImport(Glibc)
import Glibc
#endif

/// A small, fast, seeded random generator (xoshiro256**, Blackman & Vigna 2018).
///
/// Every random draw in PruneLab comes from a generator owned by the component that draws.
/// Rules derive one generator per epoch from `(seed, epoch)` with ``init(seed:stream:)``, so any
/// epoch can be replayed alone and two runs with one seed agree bit for bit.
///
/// The stream of numbers is part of PruneLab's output format: changing this file changes every
/// result, so it is fixed and tested against known values.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
  @usableFromInline internal var s0: UInt64
  @usableFromInline internal var s1: UInt64
  @usableFromInline internal var s2: UInt64
  @usableFromInline internal var s3: UInt64

  /// Creates a generator from a seed and a stream number (for example the epoch).
  ///
  /// The four state words are filled by SplitMix64 from a mix of seed and stream, so nearby seeds
  /// and streams give unrelated sequences.
  public init(seed: UInt64, stream: UInt64 = 0) {
    var mixer = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ 0x5851_F42D_4C95_7F2D)
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
  }

  @inlinable
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// A uniform draw in [0, 1) with 53 random bits.
  @inlinable
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform integer in `0..<upperBound` without modulo bias (Lemire 2019).
  @inlinable
  public mutating func nextIndex(below upperBound: Int) -> Int {
    precondition(upperBound > 0, "upperBound must be positive")
    let bound = UInt64(upperBound)
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold {
        product = next().multipliedFullWidth(by: bound)
      }
    }
    return Int(product.high)
  }

  /// A standard normal draw (Marsaglia polar method; two uniforms per attempt).
  @inlinable
  public mutating func nextGaussian() -> Double {
    while true {
      let u = 2 * nextUnit() - 1
      let v = 2 * nextUnit() - 1
      let s = u * u + v * v
      if s > 0, s < 1 {
        return u * (-2 * _log(s) / s).squareRoot()
      }
    }
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): seeds xoshiro's state and mixes seeds.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  public var state: UInt64
  public init(state: UInt64) { self.state = state }
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@usableFromInline
internal func _log(_ x: Double) -> Double { Glibc.log(x) }
