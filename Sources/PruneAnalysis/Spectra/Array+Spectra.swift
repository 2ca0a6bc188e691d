extension Array where Element == Double {
  /// ``Spectral/welch(_:segmentLength:overlap:window:detrend:)`` of this series.
  public func welchSpectrum(
    segmentLength: Int, overlap: Int? = nil, window: Window = .hann, detrend: Detrend = .constant
  ) throws(PruneAnalysisError) -> PowerSpectrum {
    try Spectral.welch(
      self, segmentLength: segmentLength, overlap: overlap, window: window, detrend: detrend)
  }

  /// ``Spectral/periodogram(_:window:detrend:)`` of this series.
  public func periodogram(
    window: Window = .rectangular, detrend: Detrend = .none
  ) throws(PruneAnalysisError) -> PowerSpectrum {
    try Spectral.periodogram(self, window: window, detrend: detrend)
  }
}
