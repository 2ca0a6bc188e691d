/// A complex number x + i y: one bin of a Fourier transform.
public struct Complex: Sendable, Hashable {
  /// The real part.
  public var real: Double
  /// The imaginary part.
  public var imaginary: Double

  public init(real: Double, imaginary: Double = 0) {
    self.real = real
    self.imaginary = imaginary
  }

  /// |z|² = x² + y²: the power of the bin.
  @inlinable public var magnitudeSquared: Double { real * real + imaginary * imaginary }

  /// |z|.
  @inlinable public var magnitude: Double { magnitudeSquared.squareRoot() }
}
