import Glibc

extension PowerSpectrum {
  /// The power in the bins below `cutoff`: Σ_{f_k < cutoff} P_k Δf.
  ///
  /// Bins are not split: a bin at exactly `cutoff` counts as above, so
  /// `power(below: f) + power(above: f) == totalPower` for every f.
  public func power(below cutoff: Double) -> Double {
    var sum = 0.0
    for (frequency, value) in zip(frequencies, density) where frequency < cutoff { sum += value }
    return sum * resolution
  }

  /// The power in the bins at or above `cutoff`: Σ_{f_k ≥ cutoff} P_k Δf.
  public func power(above cutoff: Double) -> Double {
    var sum = 0.0
    for (frequency, value) in zip(frequencies, density) where frequency >= cutoff { sum += value }
    return sum * resolution
  }

  /// power(below: cutoff) / totalPower, or 0 for a spectrum without power.
  public func fraction(below cutoff: Double) -> Double {
    let total = totalPower
    return total > 0 ? power(below: cutoff) / total : 0
  }

  /// Every frequency at which this spectrum and `other` cross, ascending.
  ///
  /// On adjacent bins k, k+1 where d = P_k - Q_k changes sign (or is zero at k), the crossing is
  /// interpolated linearly in d when either value is zero, and otherwise in the log ratio
  /// d = ln(P_k / Q_k), which is linear in f for power laws and exponentials, the usual shape of
  /// spectra (so it is exact for two straight lines on a log-power plot):
  /// ```
  /// f× = f_k + (f_{k+1} - f_k) · d_k / (d_k - d_{k+1})
  /// ```
  ///
  /// - Parameters:
  ///   - other: A spectrum on the same frequencies.
  ///   - minimumFrequency: Bins below it are ignored (e.g. skip a detrended DC bin); default 0.
  /// - Throws: ``PruneAnalysisError/lengthMismatch(function:first:second:)`` when the two spectra
  ///   have different frequency grids.
  public func crossoverFrequencies(
    with other: PowerSpectrum, minimumFrequency: Double = 0
  ) throws(PruneAnalysisError) -> [Double] {
    guard frequencies == other.frequencies else {
      throw .lengthMismatch(
        function: "crossoverFrequencies (frequency grids differ)", first: frequencies.count,
        second: other.frequencies.count)
    }
    let start = frequencies.firstIndex { $0 >= minimumFrequency } ?? frequencies.count
    var crossings: [Double] = []
    guard start < frequencies.count else { return crossings }
    for k in start..<frequencies.count {
      let here = Self.difference(density[k], other.density[k])
      if here == 0 {
        crossings.append(frequencies[k])
        continue
      }
      guard k + 1 < frequencies.count else { break }
      let usesLog =
        density[k] > 0 && other.density[k] > 0 && density[k + 1] > 0
        && other.density[k + 1] > 0
      let dk = usesLog ? log(density[k] / other.density[k]) : density[k] - other.density[k]
      let dNext =
        usesLog
        ? log(density[k + 1] / other.density[k + 1]) : density[k + 1] - other.density[k + 1]
      guard dNext != 0, (dk < 0) != (dNext < 0) else { continue }
      crossings.append(frequencies[k] + (frequencies[k + 1] - frequencies[k]) * dk / (dk - dNext))
    }
    return crossings
  }

  /// The lowest crossing of ``crossoverFrequencies(with:minimumFrequency:)``, or nil when the two
  /// spectra never cross above `minimumFrequency`.
  public func crossoverFrequency(
    with other: PowerSpectrum, minimumFrequency: Double = 0
  ) throws(PruneAnalysisError) -> Double? {
    try crossoverFrequencies(with: other, minimumFrequency: minimumFrequency).first
  }

  private static func difference(_ a: Double, _ b: Double) -> Double { a - b }
}

extension PowerSpectrum {
  /// The spectrum after a linear filter of gain |H(f)|: P_out(f) = |H(f)|² P_in(f).
  ///
  /// Applies an analytic response to a measured spectrum, e.g. the EMA gain of BLS-1 to the
  /// signal and noise spectra of BLS-3 to predict the EMA's output SNR.
  public func applyingGain(_ gain: (Double) -> Double) -> PowerSpectrum {
    PowerSpectrum(
      frequencies: frequencies,
      density: zip(frequencies, density).map { frequency, value in
        let g = gain(frequency)
        return g * g * value
      },
      segmentLength: segmentLength, segmentCount: segmentCount)
  }
}
