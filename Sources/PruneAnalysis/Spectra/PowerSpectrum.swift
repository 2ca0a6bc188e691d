/// A one-sided power spectral density on the frequencies k/L, k = 0 … L/2, in cycles per sample.
///
/// Scaling (sampling rate 1; Welch 1967; Heinzel, Rüdiger & Schilling 2002, §9): with window w of
/// length L and segment transforms X_k,
/// ```
/// P_k = c_k · mean over segments |X_k|² / Σ w[n]²,   c_k = 1 at DC and (L even) at 1/2, else 2
/// ```
/// so the density integrates to the mean square: Σ_k P_k · Δf = (1/L) Σ_n |w[n] x[n]|² / ⟨w²⟩
/// with Δf = 1/L (Parseval). White noise of variance s² has P ≈ 2 s² at every interior bin.
public struct PowerSpectrum: Sendable, Hashable {
  /// f_k = k / L in cycles per sample, from 0 to 0.5.
  public let frequencies: [Double]
  /// P_k, the one-sided density (power per cycle/sample).
  public let density: [Double]
  /// L, the segment length.
  public let segmentLength: Int
  /// The number of segments averaged (1 for a periodogram).
  public let segmentCount: Int

  /// Δf = 1 / L.
  public var resolution: Double { 1 / Double(segmentLength) }

  public init(frequencies: [Double], density: [Double], segmentLength: Int, segmentCount: Int) {
    precondition(frequencies.count == density.count, "one density value per frequency")
    self.frequencies = frequencies
    self.density = density
    self.segmentLength = segmentLength
    self.segmentCount = segmentCount
  }

  /// Σ_k P_k Δf: the mean square of the (detrended, window-normalised) series.
  public var totalPower: Double {
    density.reduce(0, +) * resolution
  }
}
