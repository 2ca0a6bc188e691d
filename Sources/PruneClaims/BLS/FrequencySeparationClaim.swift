import PruneAnalysis
import PruneCore
import PruneReport
import PruneSignals

/// BLS-3: composition noise is broadband, the per-sample signal slow, so the EMA raises the SNR.
///
/// For a slowly changing learner (the paper's assumption) and a quickly changing one (broken),
/// with batches reshuffled each epoch: the fraction of signal and noise power below a cutoff,
/// their crossover frequency, and the EMA's output SNR for several alpha and B, measured by
/// running the real score update and predicted by applying BLS-1's |H|^2 to the measured input
/// spectra (``EmaSnrAnalysis``).
public struct FrequencySeparationClaim: Claim {
  public let id = "BLS-3"
  public let family = ClaimFamily.bls
  public let title = "Composition noise is broadband, the per-sample signal is slow"

  /// A test's sizes; nil takes the run's profile.
  let fixedSetting: Setting?
  /// A deliberate break for the tests' negative controls (``Fault/assumptionBroken``: batches
  /// are fixed, as in B-PAS's loader, so the composition noise is no longer broadband).
  let fault: Fault?

  public init() {
    fixedSetting = nil
    fault = nil
  }

  init(setting: Setting?, fault: Fault? = nil) {
    fixedSetting = setting
    self.fault = fault
  }

  /// The cutoff (cycles per visit) of the band-power fractions.
  static let cutoff = 0.05

  /// The sizes of a run: the profile's, or a test's (`init(setting:)`).
  struct Setting {
    var sampleCount: Int
    var warmUp: Int
    var visits: Int
    var segmentLength: Int
    var batchSizes: [Int]
    var trackedCount: Int
    var alphas: [Double]
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(
        sampleCount: 1024, warmUp: 128, visits: 4096, segmentLength: 1024,
        batchSizes: [16, 64, 256], trackedCount: 64, alphas: [0.5, 0.7, 0.9, 0.95]),
      full: Setting(
        sampleCount: 4096, warmUp: 128, visits: 16384, segmentLength: 2048,
        batchSizes: [8, 16, 64, 256, 1024], trackedCount: 64, alphas: [0.3, 0.5, 0.7, 0.9, 0.95]))
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(fixedSetting ?? Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    let sampleCount = setting.sampleCount
    let warmUp = setting.warmUp
    let epochs = warmUp + setting.visits
    let segmentLength = setting.segmentLength
    let batchSizes = setting.batchSizes
    let alphas = setting.alphas
    let tracked = BlsSignalSettings.trackedSamples(count: setting.trackedCount, of: sampleCount)
    let settings: [(String, LearnerConfiguration, Bool)] = [
      ("slow losses", try BlsSignalSettings.slowLearner(), true),
      ("fast losses", try BlsSignalSettings.fastLearner(), false),
    ]
    var checks: [ClaimCheck] = []
    var bandRows: [[String]] = []
    var snrRows: [[String]] = []
    var spectrumRows: [[String]] = []
    var figureSpectra: [(String, PowerSpectrum)] = []
    var figureCrossovers: [(String, Double)] = []
    var snrCurves: [SnrCurve] = []
    let steps = Double(settings.count * batchSizes.count)
    var step = 0.0
    for (name, learner, holds) in settings {
      let table = try LossTable.generate(
        configuration: learner, sampleCount: sampleCount, epochs: epochs, seed: context.seed)
      for batchSize in batchSizes {
        context.progress(step / steps, "\(name), B = \(batchSize)")
        step += 1
        let setting = "\(name), B = \(batchSize)"
        let parts = BatchMeanDecomposition.measure(
          table, tracked: tracked, batchSize: batchSize,
          batching: fault == .assumptionBroken ? .fixed : .reshuffled,
          seed: context.seed &+ 0xB153)
        let signal = try SpectrumAverage(parts.signal, segmentLength: segmentLength, dropping: warmUp)
        let noise = try SpectrumAverage(parts.noise, segmentLength: segmentLength, dropping: warmUp)
        let cutoff = Self.cutoff
        let whiteShare = noise.mean.whiteFraction(below: cutoff)
        let noiseShare = try noise.statistic(seed: context.seed) { $0.fraction(below: cutoff) }
        let signalShare = try signal.statistic(seed: context.seed) { $0.fraction(below: cutoff) }
        let crossover = try signal.mean.crossoverFrequency(
          with: noise.mean, minimumFrequency: 1 / Double(segmentLength))
        let signalShape = signal.mean.normalisedToUnitPower
        let noiseShape = noise.mean.normalisedToUnitPower
        let shapeCrossover = try signalShape.crossoverFrequency(
          with: noiseShape, minimumFrequency: 1 / Double(segmentLength))
        if batchSize == 64 || batchSizes.count == 1 {
          checks.append(
            ClaimCheck(
              setting: setting, quantity: "fraction of noise power below f = \(cutoff) (white prediction)",
              measured: noiseShare.value, predicted: whiteShare,
              uncertainty: noiseShare.standardError, tolerance: 2 * noiseShare.standardError,
              basis: "bootstrap SE over \(tracked.count) tracked samples; tolerance 2 SE"))
          checks.append(
            ClaimCheck(
              setting: setting,
              quantity: "fraction of signal power below f = \(cutoff): most of it (slow)",
              measured: signalShare.value, predicted: 0.5,
              uncertainty: signalShare.standardError, tolerance: 0, comparison: .atLeast,
              expectedToHold: holds,
              basis: "bootstrap SE over \(tracked.count) tracked samples; \"slow\" read as "
                + "more than half the power below the cutoff"))
          figureSpectra.append(("signal, \(name)", signalShape))
          figureSpectra.append(("noise, \(name)", noiseShape))
          if let shapeCrossover { figureCrossovers.append(("crossover, \(name)", shapeCrossover)) }
          for k in signal.mean.frequencies.indices.dropFirst() {
            spectrumRows.append([
              name, "\(batchSize)", ClaimTable.format(signal.mean.frequencies[k]),
              ClaimTable.format(signal.mean.density[k]), ClaimTable.format(noise.mean.density[k]),
            ])
          }
        }
        bandRows.append([
          name, "\(batchSize)", ClaimTable.format(cutoff), ClaimTable.format(signalShare.value),
          ClaimTable.format(noiseShare.value), ClaimTable.format(whiteShare),
          crossover.map(ClaimTable.format) ?? "none",
          shapeCrossover.map(ClaimTable.format) ?? "none",
        ])
        var curve = SnrCurve(name: "\(name), B = \(batchSize)", alphas: [], measured: [], predicted: [])
        for alpha in alphas {
          let snr = try EmaSnrAnalysis.analyse(
            signal: parts.signal, noise: parts.noise, alpha: alpha, segmentLength: segmentLength,
            warmUp: warmUp, seed: context.seed)
          // |H|² applied to the filter's own input spectra: a linear-filter identity.
          checks.append(
            .sanity(
              setting: "\(setting), alpha = \(alpha)",
              quantity: "EMA output SNR: measured vs |H|^2 applied to measured spectra",
              measured: snr.measured, predicted: snr.predicted, tolerance: 0.1,
              comparison: .relative, basis: "Welch leakage and estimation error"))
          if alpha == 0.9 {
            let gain = snr.measured / snr.inputSnr
            let gainError = snr.ratioStandardError * gain
            checks.append(
              ClaimCheck(
                setting: "\(setting), alpha = \(alpha)",
                quantity: "SNR gain of the EMA, more than 1 (it raises the SNR)",
                measured: gain, predicted: 1, uncertainty: gainError, tolerance: 0,
                comparison: .atLeast, expectedToHold: holds,
                basis: "bootstrap SE over \(tracked.count) tracked samples; tolerance 0"))
            checks.append(
              ClaimCheck(
                setting: "\(setting), alpha = \(alpha)",
                quantity: "SNR gain of the EMA vs the slow-signal/white-noise ideal (1+alpha)/(1-alpha)",
                measured: gain, predicted: EmaSnrAnalysis.idealGain(alpha: alpha),
                uncertainty: gainError,
                tolerance: 2 * gainError / EmaSnrAnalysis.idealGain(alpha: alpha),
                comparison: .relative, expectedToHold: holds, answer: .model,
                basis: "bootstrap SE over \(tracked.count) tracked samples; tolerance 2 SE"))
          }
          snrRows.append([
            name, "\(batchSize)", "\(alpha)", ClaimTable.format(snr.inputSnr),
            ClaimTable.format(snr.measured), ClaimTable.format(snr.predicted),
            ClaimTable.format(snr.measured / snr.inputSnr),
            ClaimTable.format(EmaSnrAnalysis.idealGain(alpha: alpha)),
          ])
          curve.alphas.append(alpha)
          curve.measured.append(snr.measured)
          curve.predicted.append(snr.predicted)
        }
        snrCurves.append(curve)
      }
    }
    context.progress(1, "done")
    return ClaimResult(
      claim: self,
      statement: "The batch-composition noise is broadband because batch membership is "
        + "reshuffled at every visit, while a sample's own loss evolves slowly; the EMA "
        + "(a low-pass filter) therefore keeps the signal and removes most of the noise, and "
        + "its output SNR grows with alpha and falls with the batch size B.",
      equation: "P_n(f) ~ constant (white),  P_s(f) concentrated at low f\n"
        + "SNR_out(alpha, B) = sum_f |H_alpha(f)|^2 P_s(f) / sum_f |H_alpha(f)|^2 P_n(f)\n"
        + "ideal gain SNR_out / SNR_in = (1 + alpha) / (1 - alpha)",
      setting: [
        ("slow learner", BlsSignalSettings.describe(try BlsSignalSettings.slowLearner())),
        ("fast learner", BlsSignalSettings.describe(try BlsSignalSettings.fastLearner())),
        ("samples N", "\(sampleCount)"), ("visits", "\(epochs) (first \(warmUp) dropped as EMA warm-up)"),
        ("batch sizes B", batchSizes.map { "\($0)" }.joined(separator: ", ")),
        ("alpha", alphas.map { "\($0)" }.joined(separator: ", ")),
        ("cutoff", "\(Self.cutoff) cycles per visit"),
        ("spectra", "Welch, Hann, L = \(segmentLength), averaged over \(tracked.count) tracked samples"),
        ("uncertainty", "bootstrap over tracked samples (68% half-width)"),
      ],
      checks: checks,
      tables: [
        ClaimTable(
          name: "band-power",
          caption: "Per learner and B: fraction of signal and noise power below the cutoff, the "
            + "white-noise prediction, the lowest frequency where the two spectra cross (none when "
            + "the 1/B^2-scaled signal stays below the noise everywhere), and the crossover of the "
            + "spectra normalised to unit power (their shapes, independent of B).",
          header: [
            "learner", "batch_size", "cutoff", "signal_fraction_below", "noise_fraction_below",
            "white_fraction_below", "crossover_frequency", "shape_crossover_frequency",
          ], rows: bandRows, showOnPage: true),
        ClaimTable(
          name: "ema-snr",
          caption: "Per learner, B and alpha: input SNR, measured and predicted EMA output SNR, "
            + "measured gain and the ideal gain (1 + alpha)/(1 - alpha).",
          header: [
            "learner", "batch_size", "alpha", "input_snr", "output_snr_measured",
            "output_snr_predicted", "gain_measured", "gain_ideal",
          ], rows: snrRows),
        ClaimTable(
          name: "spectra",
          caption: "Averaged Welch densities of the signal and noise parts (B = 64).",
          header: ["learner", "batch_size", "frequency", "signal_psd", "noise_psd"],
          rows: spectrumRows),
      ],
      figures: [
        ClaimFigure(
          name: "spectra",
          caption: "Signal (l_i/B) and composition-noise spectra for slowly and quickly changing "
            + "losses (B = 64, log-log), each divided by its total power so their shapes compare "
            + "(the raw levels differ by about B), with the shape crossovers marked. With slow "
            + "losses the signal's power sits below the crossover and the noise is flat.",
          svg: try SpectraFigure.svg(
            title: "BLS-3: signal and noise spectra, normalised (B = 64)", spectra: figureSpectra,
            crossovers: figureCrossovers, densityLabel: "PSD / total power")),
        ClaimFigure(
          name: "ema-snr",
          caption: "EMA output SNR against alpha for each learner and B: measured (markers) and "
            + "predicted from the input spectra with BLS-1's |H|^2 (dashed), log y axis.",
          svg: try SnrFigure.svg(snrCurves)),
      ],
      discussion: "The filtering prediction (|H|^2 applied to the measured spectra) is a property "
        + "of any linear filter (a sanity check) and should hold for both learners; its 10% "
        + "tolerance covers the "
        + "Welch window's leakage and the spectra's estimation error, provided the Welch bins "
        + "(1/L) are much narrower than the EMA's bandwidth, about (1 - alpha)/(2 pi) cycles per "
        + "visit; hence L = 1024 and thousands of visits. The separation checks are "
        + "what the paper assumes: the noise's share of power below the cutoff matches a white "
        + "spectrum (within 2 bootstrap SE), the signal is slow (more than half its power below "
        + "the cutoff), and the EMA raises the SNR (gain above 1). Our model of why is the ideal "
        + "gain (1+alpha)/(1-alpha) of a signal at zero frequency in white noise; it is judged "
        + "within 2 SE, so a signal that the EMA attenuates, or noise that is not quite white, "
        + "shows up as a disagreement of a few percent. Fixed batches (the tests' negative "
        + "control) make the noise's low-frequency share far larger than white. With quickly changing losses the per-sample signal "
        + "is itself nearly white, the EMA damps it as much as the noise, and the gain collapses "
        + "towards 1: the BLS argument needs per-sample losses that change slowly between visits.",
      modelQuestion: "Does a signal at zero frequency in white noise, gain (1+alpha)/(1-alpha), "
        + "explain the EMA's SNR gain?")
  }
}

/// One SNR-vs-alpha curve of BLS-3's second figure.
struct SnrCurve {
  var name: String
  var alphas: [Double]
  var measured: [Double]
  var predicted: [Double]
}

/// BLS-3's SNR figure.
enum SnrFigure {
  static func svg(_ curves: [SnrCurve]) throws -> String {
    var series: [PlotSeries] = []
    for (index, curve) in curves.enumerated() {
      let colour = Palette.okabeIto[index % Palette.okabeIto.count]
      let marker = MarkerShape.allCases[index % MarkerShape.allCases.count]
      series.append(
        try PlotSeries(
          name: "\(curve.name), measured", x: curve.alphas, y: curve.measured, style: .markers,
          appearance: SeriesAppearance(color: colour, marker: marker)))
      series.append(
        try PlotSeries(
          name: "\(curve.name), predicted", x: curve.alphas, y: curve.predicted, style: .line,
          appearance: SeriesAppearance(color: colour, dash: "9 4")))
    }
    let plot = XYPlot(
      title: "BLS-3: EMA output SNR vs alpha", xAxis: .linear("alpha"),
      yAxis: .log10("output SNR (signal power / noise power)"), series: series, legend: .right)
    return plot.svg()
  }
}
