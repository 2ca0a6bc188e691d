import Glibc

/// The measured gain |H(f)| of a linear filter on the frequencies f_k in cycles per sample.
public struct MagnitudeResponse: Sendable, Hashable {
  /// f_k in cycles per sample, 0 … 0.5.
  public let frequencies: [Double]
  /// |H(f_k)|.
  public let magnitude: [Double]

  public init(frequencies: [Double], magnitude: [Double]) {
    precondition(frequencies.count == magnitude.count, "one magnitude per frequency")
    self.frequencies = frequencies
    self.magnitude = magnitude
  }

  /// |H| from an impulse response: |DFT(h)| on k/L, k = 0 … L/2, h zero-padded to L.
  ///
  /// For an infinite response truncated to its first M terms the error at every frequency is at
  /// most Σ_{n ≥ M} |h[n]| (for the EMA, α^M).
  ///
  /// - Parameters:
  ///   - impulseResponse: h[0], h[1], …, at least one finite value.
  ///   - transformLength: L ≥ h.count; default h.count.
  /// - Throws: ``PruneAnalysisError`` for bad inputs.
  public static func ofImpulseResponse(
    _ impulseResponse: [Double], transformLength: Int? = nil
  ) throws(PruneAnalysisError) -> MagnitudeResponse {
    try Validation.requireFinite(impulseResponse, minimum: 1, function: "ofImpulseResponse")
    let length = transformLength ?? impulseResponse.count
    try Validation.require(
      length >= impulseResponse.count, parameter: "transformLength", value: Double(length),
      allowed: "[impulse response length, inf) = [\(impulseResponse.count), inf)")
    var padded = impulseResponse
    padded.append(contentsOf: repeatElement(0, count: length - impulseResponse.count))
    let spectrum = try RealFFT(length: length).forward(padded)
    return MagnitudeResponse(
      frequencies: spectrum.indices.map { Double($0) / Double(length) },
      magnitude: spectrum.map(\.magnitude))
  }

  /// |H| from an input and an output spectrum: |H(f)| = sqrt(P_yy(f) / P_xx(f)).
  ///
  /// Valid for a linear time-invariant filter driven by an input with power at every frequency
  /// (white noise); bins where P_xx = 0 give NaN.
  ///
  /// - Throws: ``PruneAnalysisError`` when the two spectra have different frequency grids.
  public init(
    inputSpectrum: PowerSpectrum, outputSpectrum: PowerSpectrum
  ) throws(PruneAnalysisError) {
    guard inputSpectrum.frequencies == outputSpectrum.frequencies else {
      throw .lengthMismatch(
        function: "MagnitudeResponse (frequency grids differ)",
        first: inputSpectrum.frequencies.count, second: outputSpectrum.frequencies.count)
    }
    self.init(
      frequencies: inputSpectrum.frequencies,
      magnitude: zip(outputSpectrum.density, inputSpectrum.density).map { output, input in
        input > 0 ? (output / input).squareRoot() : .nan
      })
  }

  /// |H| = sqrt(P_yy / P_xx) with both spectra estimated by Welch's method (same parameters).
  ///
  /// - Throws: ``PruneAnalysisError`` for series of different lengths or bad Welch parameters.
  public static func estimated(
    input: [Double], output: [Double], segmentLength: Int, overlap: Int? = nil,
    window: Window = .hann
  ) throws(PruneAnalysisError) -> MagnitudeResponse {
    guard input.count == output.count else {
      throw .lengthMismatch(
        function: "MagnitudeResponse.estimated", first: input.count, second: output.count)
    }
    return try MagnitudeResponse(
      inputSpectrum: Spectral.welch(
        input, segmentLength: segmentLength, overlap: overlap, window: window),
      outputSpectrum: Spectral.welch(
        output, segmentLength: segmentLength, overlap: overlap, window: window))
  }

  /// max_k |magnitude_k - reference(f_k)| over the bins with f_k in `frequencyRange`.
  public func maximumAbsoluteDeviation(
    from reference: (Double) -> Double, in frequencyRange: ClosedRange<Double> = 0...0.5
  ) -> Double {
    var worst = 0.0
    for (frequency, value) in zip(frequencies, magnitude) where frequencyRange.contains(frequency) {
      worst = max(worst, abs(value - reference(frequency)))
    }
    return worst
  }

  /// The analytic gain of the exponential moving average y[n] = α y[n-1] + (1-α) x[n]
  /// (a first-order IIR low-pass; BLS, claims.md BLS-1):
  /// ```
  /// |H(e^{jω})| = (1 - α) / sqrt(1 - 2α cos ω + α²),   ω = 2π f
  /// ```
  public static func exponentialMovingAverage(alpha: Double, frequency: Double) -> Double {
    (1 - alpha) / (1 - 2 * alpha * cos(2 * Double.pi * frequency) + alpha * alpha).squareRoot()
  }
}
