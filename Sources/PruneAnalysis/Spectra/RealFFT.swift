import CFFTW

/// The discrete Fourier transform of a real series of one length, by FFTW.
///
/// ```
/// forward:  X_k = Σ_{n=0}^{N-1} x_n e^{-2πi kn/N},   k = 0 … N/2   (N/2 + 1 bins)
/// inverse:  x_n = (1/N) Σ_{k=0}^{N-1} X_k e^{+2πi kn/N}            (normalised here)
/// ```
/// The remaining bins follow from X_{N-k} = conj(X_k). Both plans come from a process-wide cache
/// keyed by (length, kind), so making a `RealFFT` is cheap after the first one of a length, and
/// one value may be used from many threads at once.
public struct RealFFT: Sendable {
  /// N, the length of the real series.
  public let length: Int
  private let forwardPlan: FFTPlan
  private let inversePlan: FFTPlan

  /// The transform of length `length`.
  ///
  /// - Throws: ``PruneAnalysisError`` when `length` < 1 or FFTW cannot plan it.
  public init(length: Int) throws(PruneAnalysisError) {
    self.length = length
    forwardPlan = try FFTPlanCache.shared.plan(length: length, kind: .forward)
    inversePlan = try FFTPlanCache.shared.plan(length: length, kind: .inverse)
  }

  /// N/2 + 1, the number of non-redundant bins.
  public var binCount: Int { length / 2 + 1 }

  /// The forward transform X_0 … X_{N/2}.
  ///
  /// - Throws: ``PruneAnalysisError/lengthMismatch(function:first:second:)`` unless
  ///   `signal.count == length`.
  public func forward(_ signal: [Double]) throws(PruneAnalysisError) -> [Complex] {
    guard signal.count == length else {
      throw .lengthMismatch(function: "RealFFT.forward", first: signal.count, second: length)
    }
    var input = signal
    var output = [fftw_complex](repeating: (0, 0), count: binCount)
    input.withUnsafeMutableBufferPointer { x in
      output.withUnsafeMutableBufferPointer { spectrum in
        execute(forward: x, into: spectrum)
      }
    }
    return output.map { Complex(real: $0.0, imaginary: $0.1) }
  }

  /// The normalised inverse: inverse(forward(x)) == x up to rounding.
  ///
  /// The imaginary parts of X_0 and (for even N) X_{N/2} are ignored, as for any real series.
  ///
  /// - Throws: ``PruneAnalysisError/lengthMismatch(function:first:second:)`` unless
  ///   `spectrum.count == binCount`.
  public func inverse(_ spectrum: [Complex]) throws(PruneAnalysisError) -> [Double] {
    guard spectrum.count == binCount else {
      throw .lengthMismatch(function: "RealFFT.inverse", first: spectrum.count, second: binCount)
    }
    var input = spectrum.map { (Double, Double)($0.real, $0.imaginary) }
    var output = [Double](repeating: 0, count: length)
    input.withUnsafeMutableBufferPointer { bins in
      output.withUnsafeMutableBufferPointer { x in
        fftw_execute_dft_c2r(inversePlan.pointer, bins.baseAddress, x.baseAddress)
      }
    }
    let scale = 1 / Double(length)
    for index in output.indices { output[index] *= scale }
    return output
  }

  /// |X_k|² for k = 0 … N/2, written into `power` without allocating: the kernel of the
  /// periodogram and of Welch's method.
  ///
  /// `signal` must hold `length` values and `scratch` `binCount` bins; `signal` is preserved.
  func powerSpectrum(
    of signal: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<fftw_complex>,
    accumulatingInto power: UnsafeMutableBufferPointer<Double>
  ) {
    execute(forward: signal, into: scratch)
    for k in 0..<binCount { power[k] += scratch[k].0 * scratch[k].0 + scratch[k].1 * scratch[k].1 }
  }

  private func execute(
    forward signal: UnsafeMutableBufferPointer<Double>,
    into spectrum: UnsafeMutableBufferPointer<fftw_complex>
  ) {
    precondition(signal.count == length && spectrum.count == binCount, "buffer sizes")
    fftw_execute_dft_r2c(forwardPlan.pointer, signal.baseAddress, spectrum.baseAddress)
  }
}
