import Glibc

/// A taper applied to each segment before its Fourier transform.
///
/// Periodic ("DFT-even") forms, the convention for spectral analysis (Harris 1978), n = 0 … L-1:
/// ```
/// rectangular  w[n] = 1
/// hann         w[n] = 0.5 - 0.5  cos(2πn/L)
/// hamming      w[n] = 0.54 - 0.46 cos(2πn/L)
/// ```
public enum Window: String, Sendable, Hashable, CaseIterable, Codable {
  case rectangular
  case hann
  case hamming

  /// The L coefficients.
  public func coefficients(length: Int) -> [Double] {
    precondition(length >= 1, "a window needs length >= 1")
    let step = 2 * Double.pi / Double(length)
    return (0..<length).map { n in
      switch self {
      case .rectangular: return 1
      case .hann: return 0.5 - 0.5 * cos(step * Double(n))
      case .hamming: return 0.54 - 0.46 * cos(step * Double(n))
      }
    }
  }
}

/// What to subtract from each segment before windowing.
public enum Detrend: String, Sendable, Hashable, Codable {
  /// Nothing: the DC bin keeps the mean's power.
  case none
  /// The segment's mean (SciPy's default, "constant").
  case constant
}
