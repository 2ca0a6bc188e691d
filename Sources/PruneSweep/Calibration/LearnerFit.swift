import Glibc
import PruneCore
import PruneEngine
import PruneSignals

/// Fits the synthetic learner's knobs (``PruneSignals/LearnerConfiguration``) to a per-sample
/// loss log of a full-data run (`epoch,sample,loss[,label]`, every sample in every epoch), and
/// keeps the per-sample fit so that the fitted learner can stand in for the run sample by sample.
///
/// The learner's model (SyntheticLearner): a clean sample's expected loss after n visits is
/// μ_i(n) = ℓ_floor + (ℓ_0 − ℓ_floor) exp(−k_i n) with k_i = η / d_i (+ γ, see below), a
/// mislabelled sample's stays at ℓ_noisy, and a measured loss is μ (1 + σ ε). The fit, in order:
/// 1. ℓ_0 = the mean loss of epoch 0; ℓ_floor = the 1st percentile over samples of each sample's
///    median loss over the last three epochs (the easiest samples' resting level).
/// 2. Mislabelled: a sample whose late median loss is at least 3/4 of ℓ_0 never learned; q is
///    their share and ℓ_noisy their mean late median (ℓ_0 without any).
/// 3. Per clean sample, k_i by least squares through the origin of
///    y_i(e) = ln((ℓ_i(e) − ℓ_floor)/(ℓ_0 − ℓ_floor)) on n = e (a full-data run visits each
///    sample once per epoch), using the entries with y ≥ ln 0.05 (above 5 % of the way to the
///    floor, where the logarithm is not dominated by noise); a sample with no such entry after
///    epoch 0 learned within one epoch and gets k_i = −ln 0.05.
/// 4. η = the median k_i, so the median difficulty is 1; d_i = η / k_i; the difficulty is
///    log-normal with σ_d = IQR(ln d_i) / 1.349 (robust to the few ill-fitted samples).
///    γ is not identifiable from one full-data run (a shared γ looks like a faster η / d_i for
///    every sample), so the fit sets γ = 0 and folds it into the speeds.
/// 5. Loss noise: the relative residuals r = ℓ / μ̂ − 1 of the entries used in 3. Their tail
///    share T = 2 P(r − median < −4 s), s = 1.4826 MAD(r) (the lower tail only: forgetting
///    raises losses, never lowers them), decides Gaussian (T ≤ 4 × the Gaussian's
///    6.3e-5) or Student-t, whose ν solves the same tail share for a t (bisection on ν in
///    [1.05, 100]); σ = MAD(r) / MAD(ε), with MAD(ε) the median absolute value of the fitted
///    noise (0.6745 for a Gaussian).
/// 6. Forgetting (events that halve a sample's exposure, size fixed at the learner's 0.5): the
///    share J of clean epoch-to-epoch steps whose loss rises by more than 3 √2 σ in log terms is
///    matched by simulation: the per-sample learner with the knobs of 1-5 is run on full data
///    for the log's epochs at forgetting rates p found by bisection on [0, 0.5] until its J
///    matches (J grows with p); p = 0 when the rate-0 learner already rises that often.
/// 7. Classes: the label column's K and largest / smallest class count (10 and 1 without it).
public struct LearnerFit: Sendable {
  /// The fitted knobs (the distributional learner `simulate --learner` uses).
  public let configuration: LearnerConfiguration
  /// d_i per sample (infinity for mislabelled samples) and the mislabelled flags.
  public let difficulties: [Double]
  public let mislabelled: [Bool]
  public let sampleCount: Int
  public let epochCount: Int
  /// Diagnostics: log entries used for the speeds, the noise tail share, the rise share J of
  /// the log and of the fitted learner.
  public let usedEntries: Int
  public let tailShare: Double
  public let riseShare: Double
  public let fittedRiseShare: Double

  /// The per-sample learner (``PruneSignals/SyntheticLearner/init(difficulties:mislabelled:configuration:seed:)``).
  /// - Throws: the learner's errors.
  public func sampleLearner(seed: UInt64) throws -> SyntheticLearner {
    try SyntheticLearner(
      difficulties: difficulties.map { $0.isFinite ? $0 : 1 }, mislabelled: mislabelled,
      configuration: configuration, seed: seed)
  }

  /// Fits `log`.
  /// - Parameter seed: Seeds the forgetting simulations.
  /// - Throws: ``PruneSweepError/badCalibrationLog(_:)`` for fewer than 3 epochs, a constant
  ///   loss, a loss that does not fall, or no clean sample; the learner's range errors.
  public init(log: LossLog, seed: UInt64 = 0) throws {
    let n = log.sampleCount
    let epochs = log.epochCount
    guard epochs >= 3 else {
      throw PruneSweepError.badCalibrationLog(
        "it holds \(epochs) epoch\(epochs == 1 ? "" : "s"); the fit follows each sample's loss "
          + "over epochs, so log at least 3 (prunelab train --log-losses logs every epoch)")
    }
    let all = log.losses
    guard let low = all.min(), let high = all.max(), high > low else {
      throw PruneSweepError.badCalibrationLog(
        "every loss is \(all.first ?? 0): a constant loss shows no learning to fit")
    }
    let first = Self.mean(log.losses(ofEpoch: 0))
    let last = Self.mean(log.losses(ofEpoch: epochs - 1))
    guard last < first else {
      throw PruneSweepError.badCalibrationLog(
        "the mean loss does not fall (epoch 0: \(first), epoch \(epochs - 1): \(last)); fit a "
          + "run that learns")
    }
    let initial = first
    let lateMedians = (0..<n).map { i in
      Self.median((max(0, epochs - 3)..<epochs).map { log.loss(epoch: $0, sample: i) })
    }
    let floor = min(Self.quantile(lateMedians, 0.01), 0.5 * initial)
    let mislabelled = lateMedians.map { $0 >= 0.75 * initial }
    let noisy = lateMedians.indices.filter { mislabelled[$0] }.map { lateMedians[$0] }
    let clean = (0..<n).filter { !mislabelled[$0] }
    guard !clean.isEmpty else {
      throw PruneSweepError.badCalibrationLog(
        "no sample's loss falls below 3/4 of the starting loss \(initial); fit a run that learns")
    }

    // 3. Per-sample speeds.
    let span = initial - floor
    let cut = -2.995_732_273_553_991  // ln 0.05
    var speeds = [Double](repeating: 0, count: n)
    var residuals: [Double] = []
    for i in clean {
      var top = 0.0
      var bottom = 0.0
      var used: [(Double, Double)] = []
      for e in 1..<epochs {
        let loss = log.loss(epoch: e, sample: i)
        guard loss > floor else { continue }
        let y = Glibc.log((loss - floor) / span)
        guard y >= cut else { continue }
        top -= Double(e) * y
        bottom += Double(e) * Double(e)
        used.append((Double(e), loss))
      }
      let k = bottom > 0 ? max(top / bottom, 1e-4) : -cut
      speeds[i] = k
      for (visits, loss) in used {
        let expected = floor + span * Glibc.exp(-k * visits)
        residuals.append(loss / expected - 1)
      }
    }
    let cleanSpeeds = clean.map { speeds[$0] }
    let eta = Self.median(cleanSpeeds)
    var difficulties = [Double](repeating: .infinity, count: n)
    for i in clean { difficulties[i] = eta / speeds[i] }
    let logs = clean.map { Glibc.log(difficulties[$0]) }
    let sigmaD = max(1e-3, (Self.quantile(logs, 0.75) - Self.quantile(logs, 0.25)) / 1.349)

    // 5. Noise.
    let center = Self.median(residuals)
    let mad = Self.median(residuals.map { abs($0 - center) })
    let scale = 1.482_602_218_505_602 * mad
    // The lower tail only, doubled: forgetting raises losses (one-sided outliers) but never
    // lowers them, so the falls measure the noise alone.
    let tail =
      residuals.isEmpty || scale == 0
      ? 0
      : 2 * Double(residuals.filter { $0 - center < -4 * scale }.count) / Double(residuals.count)
    let nu = NoiseTails.degrees(forTailShare: tail)
    let sigma = mad / NoiseTails.medianAbsolute(nu: nu)

    // 7. Classes.
    var classCount = 10
    var imbalance = 1.0
    if let labels = log.labels, let top = labels.max() {
      classCount = max(1, top + 1)
      var counts = [Int](repeating: 0, count: classCount)
      for label in labels where label >= 0 { counts[label] += 1 }
      let present = counts.filter { $0 > 0 }
      imbalance = Double(present.max() ?? 1) / Double(present.min() ?? 1)
    }
    let base = try LearnerConfiguration(
      initialLoss: initial, lossFloor: floor, learningSpeed: min(eta, 1e6), globalSpeed: 0,
      difficulty: .logNormal(median: 1, sigma: sigmaD), noiseLevel: min(sigma, 100),
      heavyTailDegrees: nu, labelNoiseFraction: Double(noisy.count) / Double(n),
      noisyLoss: noisy.isEmpty ? initial : Self.mean(noisy[...]), forgettingRate: 0,
      classCount: classCount, imbalanceRatio: max(1, imbalance))

    // 6. Forgetting by simulation.
    let rise = Self.riseShare(log, clean: clean, sigma: sigma)
    var simulated = try Self.simulatedRise(
      base, rate: 0, difficulties: difficulties, mislabelled: mislabelled, epochs: epochs,
      clean: clean, sigma: sigma, seed: seed)
    var rate = 0.0
    if rise > simulated {
      var lower = (p: 0.0, j: simulated)
      var upper = (
        p: 0.5,
        j: try Self.simulatedRise(
          base, rate: 0.5, difficulties: difficulties, mislabelled: mislabelled, epochs: epochs,
          clean: clean, sigma: sigma, seed: seed)
      )
      if rise >= upper.j {
        (rate, simulated) = upper
      } else {
        for _ in 0..<12 {
          let p = (lower.p + upper.p) / 2
          let j = try Self.simulatedRise(
            base, rate: p, difficulties: difficulties, mislabelled: mislabelled, epochs: epochs,
            clean: clean, sigma: sigma, seed: seed)
          if j < rise { lower = (p, j) } else { upper = (p, j) }
        }
        (rate, simulated) = abs(lower.j - rise) <= abs(upper.j - rise) ? lower : upper
      }
    }
    configuration = try LearnerConfiguration(
      initialLoss: base.initialLoss, lossFloor: base.lossFloor, learningSpeed: base.learningSpeed,
      globalSpeed: 0, difficulty: base.difficulty, noiseLevel: base.noiseLevel,
      heavyTailDegrees: base.heavyTailDegrees, labelNoiseFraction: base.labelNoiseFraction,
      noisyLoss: base.noisyLoss, forgettingRate: rate, classCount: base.classCount,
      imbalanceRatio: base.imbalanceRatio)
    self.difficulties = difficulties
    self.mislabelled = mislabelled
    sampleCount = n
    epochCount = epochs
    usedEntries = residuals.count
    tailShare = tail
    riseShare = rise
    fittedRiseShare = simulated
  }

  /// The share of clean steps e-1 -> e (e >= 2) whose log loss rises by more than 3 √2 σ.
  static func riseShare(_ log: LossLog, clean: [Int], sigma: Double) -> Double {
    let threshold = 3 * 2.0.squareRoot() * max(sigma, 1e-3)
    var rises = 0
    var steps = 0
    for i in clean {
      for e in 2..<log.epochCount {
        let before = log.loss(epoch: e - 1, sample: i)
        let after = log.loss(epoch: e, sample: i)
        guard before > 0, after > 0 else { continue }
        steps += 1
        if Glibc.log(after / before) > threshold { rises += 1 }
      }
    }
    return steps == 0 ? 0 : Double(rises) / Double(steps)
  }

  /// ``riseShare`` of the per-sample learner's own full-data log at forgetting rate `rate`.
  static func simulatedRise(
    _ base: LearnerConfiguration, rate: Double, difficulties: [Double], mislabelled: [Bool],
    epochs: Int, clean: [Int], sigma: Double, seed: UInt64
  ) throws -> Double {
    let configuration = try LearnerConfiguration(
      initialLoss: base.initialLoss, lossFloor: base.lossFloor, learningSpeed: base.learningSpeed,
      globalSpeed: 0, difficulty: base.difficulty, noiseLevel: base.noiseLevel,
      heavyTailDegrees: base.heavyTailDegrees, labelNoiseFraction: 0, noisyLoss: base.noisyLoss,
      forgettingRate: rate, classCount: base.classCount, imbalanceRatio: base.imbalanceRatio)
    let log = try FullDataLog.record(
      try SyntheticLearner(
        difficulties: difficulties.map { $0.isFinite ? $0 : 1 }, mislabelled: mislabelled,
        configuration: configuration, seed: seed),
      epochs: epochs)
    return riseShare(log, clean: clean, sigma: sigma)
  }

  static func mean(_ values: ArraySlice<Double>) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }

  static func median(_ values: [Double]) -> Double { quantile(values, 0.5) }

  /// The q-quantile by linear interpolation between order statistics (0 for no value).
  static func quantile(_ values: [Double], _ q: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
  }
}
