import PruneAnalysis
import PruneCore

/// The EMA's output signal-to-noise ratio, measured and predicted from the input spectra (BLS-3).
///
/// Measured: both parts of the batch mean are run through the real score update (the EMA is
/// linear and starts at 0, so it filters each part separately), and
/// SNR_out = P(EMA(signal)) / P(EMA(noise)), powers from averaged Welch spectra after a warm-up.
/// Predicted (BLS-1 applied to the measured input spectra):
/// ```
/// SNR_out = sum_k |H(f_k)|^2 P_s(f_k) / sum_k |H(f_k)|^2 P_n(f_k)
/// ```
struct EmaSnrAnalysis {
  let alpha: Double
  let measured: Double
  let predicted: Double
  /// Bootstrap standard error of measured / predicted, over the tracked samples.
  let ratioStandardError: Double
  /// SNR of the inputs, P_s / P_n.
  let inputSnr: Double

  static func analyse(
    signal: [[Double]], noise: [[Double]], alpha: Double, segmentLength: Int, warmUp: Int,
    seed: UInt64
  ) throws -> EmaSnrAnalysis {
    let signalIn = try SpectrumAverage(signal, segmentLength: segmentLength, dropping: warmUp)
    let noiseIn = try SpectrumAverage(noise, segmentLength: segmentLength, dropping: warmUp)
    let signalOut = try SpectrumAverage(
      signal.map { try EmaProbe.filtered($0, alpha: alpha) }, segmentLength: segmentLength,
      dropping: warmUp)
    let noiseOut = try SpectrumAverage(
      noise.map { try EmaProbe.filtered($0, alpha: alpha) }, segmentLength: segmentLength,
      dropping: warmUp)
    let gainSquared = signalIn.mean.frequencies.map {
      let h = MagnitudeResponse.exponentialMovingAverage(alpha: alpha, frequency: $0)
      return h * h
    }
    func snrs(_ picks: [Int]) -> (measured: Double, predicted: Double, input: Double) {
      let s = SpectrumAverage.average(signalIn.spectra, picking: picks)
      let n = SpectrumAverage.average(noiseIn.spectra, picking: picks)
      let so = SpectrumAverage.average(signalOut.spectra, picking: picks)
      let no = SpectrumAverage.average(noiseOut.spectra, picking: picks)
      var filteredSignal = 0.0
      var filteredNoise = 0.0
      for k in gainSquared.indices {
        filteredSignal += gainSquared[k] * s.density[k]
        filteredNoise += gainSquared[k] * n.density[k]
      }
      return (so.totalPower / no.totalPower, filteredSignal / filteredNoise,
        s.totalPower / n.totalPower)
    }
    let all = snrs(Array(signal.indices))
    var generator = SeededGenerator(seed: seed, stream: 0x5A12_0000)
    let interval = try Bootstrap.percentileInterval(
      count: signal.count, confidence: 0.6827, resamples: 200, generator: &generator
    ) { picks in
      let value = snrs(picks)
      return value.measured / value.predicted
    }
    return EmaSnrAnalysis(
      alpha: alpha, measured: all.measured, predicted: all.predicted,
      ratioStandardError: (interval.upper - interval.lower) / 2, inputSnr: all.input)
  }

  /// The idealised gain SNR_out / SNR_in when the signal passes unattenuated (slow) and the
  /// noise is white: 1 / (2 integral_0^{1/2} |H|^2 df) = (1 + alpha) / (1 - alpha).
  static func idealGain(alpha: Double) -> Double { (1 + alpha) / (1 - alpha) }
}

extension PowerSpectrum {
  /// The share of power in bins 0 < f_k < cutoff that a flat (white) density would have on this
  /// grid: bin 0 is excluded (Welch removes each segment's mean) and the Nyquist bin of an even
  /// segment carries half the density of the interior bins in a one-sided spectrum.
  func whiteFraction(below cutoff: Double) -> Double {
    var below = 0.0
    var total = 0.0
    for (k, f) in frequencies.enumerated() where k > 0 {
      let weight = (segmentLength % 2 == 0 && k == segmentLength / 2) ? 0.5 : 1
      total += weight
      if f < cutoff { below += weight }
    }
    return total > 0 ? below / total : .nan
  }
}
