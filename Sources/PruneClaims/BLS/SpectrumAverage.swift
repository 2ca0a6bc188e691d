import PruneAnalysis
import PruneCore

/// Welch spectra of many series of one length, averaged: the spectrum of a "typical" sample.
struct SpectrumAverage: Sendable {
  /// One Welch spectrum per series.
  let spectra: [PowerSpectrum]
  /// Their average (same frequencies).
  let mean: PowerSpectrum

  /// - Throws: `PruneAnalysisError` for series shorter than `segmentLength`.
  init(_ series: [[Double]], segmentLength: Int, dropping warmUp: Int = 0) throws {
    precondition(!series.isEmpty, "at least one series")
    spectra = try series.map {
      try Spectral.welch(Array($0.dropFirst(warmUp)), segmentLength: segmentLength)
    }
    mean = SpectrumAverage.average(spectra, picking: Array(spectra.indices))
  }

  /// The average of `spectra[picks]` (picks may repeat: used by the bootstrap).
  static func average(_ spectra: [PowerSpectrum], picking picks: [Int]) -> PowerSpectrum {
    let first = spectra[picks[0]]
    var density = [Double](repeating: 0, count: first.density.count)
    for pick in picks {
      for (k, value) in spectra[pick].density.enumerated() { density[k] += value }
    }
    let count = Double(picks.count)
    for k in density.indices { density[k] /= count }
    return PowerSpectrum(
      frequencies: first.frequencies, density: density, segmentLength: first.segmentLength,
      segmentCount: first.segmentCount * picks.count)
  }

  /// A statistic of the averaged spectrum with a bootstrap standard error over the series
  /// (half the 68% percentile interval, resampling whole series).
  func statistic(
    seed: UInt64, resamples: Int = 200, _ compute: (PowerSpectrum) -> Double
  ) throws -> (value: Double, standardError: Double) {
    var generator = SeededGenerator(seed: seed, stream: 0x5BEC_7000)
    let spectra = self.spectra
    let interval = try Bootstrap.percentileInterval(
      count: spectra.count, confidence: 0.6827, resamples: resamples, generator: &generator
    ) { picks in compute(SpectrumAverage.average(spectra, picking: picks)) }
    return (compute(mean), (interval.upper - interval.lower) / 2)
  }
}

extension PowerSpectrum {
  /// The mean density over the bins with f in `band` (bin 0 never counts: Welch detrends it away).
  func meanDensity(in band: ClosedRange<Double>) -> Double {
    var sum = 0.0
    var count = 0
    for (k, f) in frequencies.enumerated() where k > 0 && band.contains(f) {
      sum += density[k]
      count += 1
    }
    return count > 0 ? sum / Double(count) : .nan
  }
}

extension PowerSpectrum {
  /// The spectrum divided by its total power (its shape; unchanged when nothing has power).
  var normalisedToUnitPower: PowerSpectrum {
    let total = totalPower
    guard total > 0 else { return self }
    return PowerSpectrum(
      frequencies: frequencies, density: density.map { $0 / total }, segmentLength: segmentLength,
      segmentCount: segmentCount)
  }
}
