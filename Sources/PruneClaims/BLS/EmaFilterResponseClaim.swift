import PruneAnalysis
import PruneCore

#if canImport(Glibc)
import Glibc
#endif

/// BLS-1: the BLS score update is a first-order IIR low-pass filter.
///
/// For one sample, s(t) = alpha s(t-1) + (1 - alpha) L(t) (algorithms.md §2.2) is the filter
/// ```
/// h[n] = (1 - alpha) alpha^n u[n],   |H(e^{jw})| = (1 - alpha) / sqrt(1 - 2 alpha cos w + alpha^2)
/// ```
/// The measurement drives the real score source (`BatchLossScore`, zero init as in the code)
/// with an impulse and with white noise, and compares the FFTW magnitude response with the
/// formula. The impulse response is exact up to truncation after M terms, so its error bound is
/// alpha^M plus rounding; the white-noise estimate sqrt(P_yy / P_xx) has a statistical error
/// measured from independent chunks of the noise.
public struct EmaFilterResponseClaim: Claim {
  public let id = "BLS-1"
  public let family = ClaimFamily.bls
  public let title = "The BLS EMA is a first-order IIR low-pass filter"

  /// A test's sizes; nil takes the run's profile.
  let fixedSetting: Setting?
  /// A deliberate break for the tests' negative controls (``Fault/wrongAlpha``: the score
  /// source runs with 0.9 alpha while the formula uses alpha).
  let fault: Fault?

  public init() {
    fixedSetting = nil
    fault = nil
  }

  init(setting: Setting?, fault: Fault? = nil) {
    fixedSetting = setting
    self.fault = fault
  }

  /// The sizes of a run: the profile's, or a test's (`init(setting:)`).
  struct Setting {
    var noiseLength: Int
    var segmentLength: Int
    var alphas: [Double]
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(noiseLength: 1 << 18, segmentLength: 1024, alphas: [0.5, 0.7, 0.9, 0.95]),
      full: Setting(
        noiseLength: 1 << 21, segmentLength: 4096, alphas: [0.3, 0.5, 0.7, 0.9, 0.95, 0.99]))
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(fixedSetting ?? Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    let noiseLength = setting.noiseLength
    let segmentLength = setting.segmentLength
    let chunkCount = 8
    var checks: [ClaimCheck] = []
    var responseRows: [[String]] = []
    var summaryRows: [[String]] = []
    var curves: [EmaResponseCurves] = []
    let alphas = setting.alphas
    for (index, alpha) in alphas.enumerated() {
      context.progress(Double(index) / Double(alphas.count), "alpha = \(alpha)")
      let filterAlpha = fault == .wrongAlpha ? 0.9 * alpha : alpha
      let impulse = try EmaProbe.impulseResponse(alpha: filterAlpha, truncationBound: 1e-12)
      let transformLength = max(segmentLength, impulse.count.nextPowerOfTwo)
      let measured = try MagnitudeResponse.ofImpulseResponse(
        impulse, transformLength: transformLength)
      let analytic = { (f: Double) in
        MagnitudeResponse.exponentialMovingAverage(alpha: alpha, frequency: f)
      }
      let impulseError = measured.maximumAbsoluteDeviation(from: analytic)
      let truncation = pow(filterAlpha, Double(impulse.count))
      let rounding = 64 * Double.ulpOfOne * Double(transformLength).squareRoot()
      checks.append(
        ClaimCheck(
          setting: "alpha = \(alpha), impulse, L = \(transformLength)",
          quantity: "max |H_measured - H_analytic| over [0, 0.5]", measured: impulseError,
          predicted: 0, uncertainty: rounding, tolerance: truncation + rounding,
          basis: "deterministic: truncation alpha^M after M terms plus an FFT rounding bound"))

      var generator = SeededGenerator(seed: context.seed, stream: 0xB151_0000 + UInt64(index))
      var noise = [Double](repeating: 0, count: noiseLength)
      for n in noise.indices { noise[n] = generator.nextGaussian() }
      let output = try EmaProbe.filtered(noise, alpha: filterAlpha)
      let whole = try MagnitudeResponse.estimated(
        input: noise, output: output, segmentLength: segmentLength)
      let chunk = noiseLength / chunkCount
      var chunkEstimates: [MagnitudeResponse] = []
      for c in 0..<chunkCount {
        let range = (c * chunk)..<((c + 1) * chunk)
        chunkEstimates.append(
          try MagnitudeResponse.estimated(
            input: Array(noise[range]), output: Array(output[range]),
            segmentLength: segmentLength))
      }
      // Bins within the Hann main lobe of f = 0 (k < 3) are excluded: Welch removes each
      // segment's mean, which distorts exactly those bins of both spectra.
      let band = (3 / Double(segmentLength))...0.5
      let expected = try EmaProbe.welchExpectedGain(alpha: alpha, segmentLength: segmentLength)
      var noiseError = 0.0
      var rawError = 0.0
      for (k, f) in whole.frequencies.enumerated() where band.contains(f) {
        noiseError = max(noiseError, abs(whole.magnitude[k] - expected[k]))
        rawError = max(rawError, abs(whole.magnitude[k] - analytic(f)))
      }
      let standardError = EmaProbe.largestStandardError(chunkEstimates, in: band, of: chunkCount)
      checks.append(
        ClaimCheck(
          setting: "alpha = \(alpha), white noise, n = \(noiseLength), Welch L = \(segmentLength)",
          quantity: "max |H_Welch - analytic |H| seen through the Hann kernel| over [3/L, 0.5]",
          measured: noiseError, predicted: 0, uncertainty: standardError,
          tolerance: 4 * standardError,
          basis: "largest SE over \(chunkCount) independent chunks; tolerance 4 SE, as the "
            + "check takes the maximum over every bin of the band"))
      summaryRows.append([
        "\(alpha)", ClaimTable.format(impulseError), ClaimTable.format(noiseError),
        ClaimTable.format(rawError), ClaimTable.format(standardError),
      ])

      for (k, f) in measured.frequencies.enumerated() where k % max(1, transformLength / 256) == 0 {
        responseRows.append([
          "\(alpha)", "impulse", ClaimTable.format(f), ClaimTable.format(measured.magnitude[k]),
          ClaimTable.format(analytic(f)),
        ])
      }
      for (k, f) in whole.frequencies.enumerated() where k > 0 {
        responseRows.append([
          "\(alpha)", "white-noise", ClaimTable.format(f), ClaimTable.format(whole.magnitude[k]),
          ClaimTable.format(analytic(f)),
        ])
      }
      curves.append(EmaResponseCurves(alpha: alpha, impulse: measured, whiteNoise: whole))
    }
    context.progress(1, "done")
    let table = ClaimTable(
      name: "magnitude-response",
      caption: "One row per (alpha, method, frequency in cycles per step): measured |H| and the "
        + "analytic (1 - alpha)/sqrt(1 - 2 alpha cos 2 pi f + alpha^2).",
      header: ["alpha", "method", "frequency", "measured", "analytic"], rows: responseRows)
    let summary = ClaimTable(
      name: "errors",
      caption: "Per alpha: max error of the impulse-response |H|, of the white-noise estimate "
        + "against the kernel-smoothed formula and against the raw formula (the estimator's "
        + "leakage bias shows in the difference), and the white-noise standard error.",
      header: [
        "alpha", "impulse_max_error", "noise_max_error_vs_smoothed", "noise_max_error_vs_raw",
        "noise_standard_error",
      ], rows: summaryRows, showOnPage: true)
    return ClaimResult(
      claim: self,
      statement: "The BLS score update s_i <- alpha s_i + (1 - alpha) L(B_t) is an exponential "
        + "moving average, i.e. a first-order IIR low-pass filter of the batch-loss sequence a "
        + "sample sees, with impulse response h[n] = (1 - alpha) alpha^n u[n].",
      equation: "h[n] = (1 - alpha) alpha^n u[n]\n"
        + "|H(e^{jw})| = (1 - alpha) / sqrt(1 - 2 alpha cos w + alpha^2),  w = 2 pi f\n"
        + "|H(1)| = 1,  |H(-1)| = (1 - alpha) / (1 + alpha)",
      setting: [
        ("score source", "PruneCore BatchLossScore (zero init, the official code), one sample"),
        ("alpha", alphas.map { "\($0)" }.joined(separator: ", ")),
        ("impulse response", "truncated where alpha^M < 1e-12, zero-padded to L >= \(segmentLength)"),
        ("white noise", "\(noiseLength) standard normal draws, Welch (Hann, 50% overlap, L = \(segmentLength)); prediction: analytic |H|^2 averaged over the Hann kernel, bins f >= 3/L"),
        ("uncertainty", "impulse: FFT rounding; noise: largest per-bin standard error over \(chunkCount) independent chunks"),
      ],
      checks: checks, tables: [summary, table],
      figures: [try EmaResponseFigure.svg(curves)].map {
        ClaimFigure(
          name: "magnitude-response",
          caption: "Measured |H| of the BLS score update (markers: impulse response; thin lines: "
            + "white-noise estimate) against the analytic first-order low-pass (dashed) for each "
            + "alpha, on log-log axes. Larger alpha means a lower cutoff.", svg: $0)
      },
      discussion: "The impulse-response measurement agrees with the formula to rounding, because "
        + "the score update is exactly the recursion the formula describes; the tolerance is the "
        + "truncation bound alpha^M plus an FFT rounding allowance. The white-noise estimate "
        + "sqrt(P_yy/P_xx) carries Welch estimation noise and, for alpha close to 1, a "
        + "window-leakage bias near f = 0 (the response halves within a few bins there): a Welch "
        + "estimate sees |H|^2 averaged over the Hann kernel, so the prediction is that average "
        + "of the analytic formula (the raw-formula error is in the table). Its tolerance is four "
        + "times the largest per-bin standard error, which the maximum over all bins exceeds with "
        + "probability below 1% when the errors are Gaussian. "
        + "At f = 0 the gain is 1 (the score follows a constant loss exactly) and at f = 0.5 it is "
        + "(1 - alpha)/(1 + alpha), so batch-to-batch alternation is damped by that factor.")
  }
}

/// The curves BLS-1 plots for one alpha.
struct EmaResponseCurves {
  let alpha: Double
  let impulse: MagnitudeResponse
  let whiteNoise: MagnitudeResponse
}

extension Int {
  /// The smallest power of two >= self (1 for self <= 1).
  var nextPowerOfTwo: Int {
    var value = 1
    while value < self { value <<= 1 }
    return value
  }
}
