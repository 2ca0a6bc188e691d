import CFFTW

/// Power spectra of real series: periodogram and Welch averaging, on cached FFTW plans.
public enum Spectral {
  /// Welch's averaged, modified periodogram (Welch 1967).
  ///
  /// The series is cut into K = ⌊(N - L)/(L - overlap)⌋ + 1 segments of length L, each starting
  /// L - overlap after the previous one (a tail shorter than L is not used); each segment is
  /// detrended, multiplied by the window and transformed; |X_k|² is averaged over segments and
  /// scaled as described in ``PowerSpectrum``.
  ///
  /// - Parameters:
  ///   - series: N ≥ L finite values.
  ///   - segmentLength: L ≥ 2.
  ///   - overlap: Samples shared by consecutive segments, in [0, L); default L/2.
  ///   - window: Default Hann.
  ///   - detrend: Default `.constant` (each segment's mean removed).
  /// - Throws: ``PruneAnalysisError`` for bad parameters or non-finite values.
  /// - Complexity: O(K L log L); one scratch buffer per call, the plan from the cache.
  public static func welch(
    _ series: [Double], segmentLength: Int, overlap: Int? = nil, window: Window = .hann,
    detrend: Detrend = .constant
  ) throws(PruneAnalysisError) -> PowerSpectrum {
    try Validation.require(
      segmentLength >= 2, parameter: "segmentLength", value: Double(segmentLength),
      allowed: "[2, series length]")
    try Validation.requireFinite(series, minimum: segmentLength, function: "Spectral.welch")
    let shared = overlap ?? segmentLength / 2
    try Validation.require(
      shared >= 0 && shared < segmentLength, parameter: "overlap", value: Double(shared),
      allowed: "[0, segmentLength - 1] = [0, \(segmentLength - 1)]")
    let step = segmentLength - shared
    let segmentCount = (series.count - segmentLength) / step + 1
    let fft = try RealFFT(length: segmentLength)
    let taper = window.coefficients(length: segmentLength)
    let taperEnergy = taper.reduce(0) { $0 + $1 * $1 }
    let bins = fft.binCount

    var power = [Double](repeating: 0, count: bins)
    var segment = [Double](repeating: 0, count: segmentLength)
    var scratch = [fftw_complex](repeating: (0, 0), count: bins)
    power.withUnsafeMutableBufferPointer { accumulated in
      segment.withUnsafeMutableBufferPointer { buffer in
        scratch.withUnsafeMutableBufferPointer { spectrum in
          for index in 0..<segmentCount {
            let start = index * step
            var mean = 0.0
            if detrend == .constant {
              for n in 0..<segmentLength { mean += series[start + n] }
              mean /= Double(segmentLength)
            }
            for n in 0..<segmentLength { buffer[n] = (series[start + n] - mean) * taper[n] }
            fft.powerSpectrum(of: buffer, scratch: spectrum, accumulatingInto: accumulated)
          }
        }
      }
    }
    let common = 1 / (Double(segmentCount) * taperEnergy)
    var frequencies = [Double](repeating: 0, count: bins)
    for k in 0..<bins {
      let isEdge = k == 0 || (segmentLength % 2 == 0 && k == segmentLength / 2)
      power[k] *= isEdge ? common : 2 * common
      frequencies[k] = Double(k) / Double(segmentLength)
    }
    return PowerSpectrum(
      frequencies: frequencies, density: power, segmentLength: segmentLength,
      segmentCount: segmentCount)
  }

  /// The (modified) periodogram: ``welch(_:segmentLength:overlap:window:detrend:)`` with one
  /// segment spanning the whole series.
  ///
  /// - Throws: ``PruneAnalysisError`` for fewer than two values or non-finite values.
  public static func periodogram(
    _ series: [Double], window: Window = .rectangular, detrend: Detrend = .none
  ) throws(PruneAnalysisError) -> PowerSpectrum {
    guard series.count >= 2 else {
      throw .tooFewValues(function: "Spectral.periodogram", count: series.count, minimum: 2)
    }
    return try welch(
      series, segmentLength: series.count, overlap: 0, window: window, detrend: detrend)
  }
}
