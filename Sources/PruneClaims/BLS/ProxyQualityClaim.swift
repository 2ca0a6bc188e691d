import PruneAnalysis
import PruneCore
import PruneReport
import PruneSignals

/// BLS-4: BLS scores rank samples like their true per-sample loss.
///
/// Runs the real score source (``BlsScoreRun``) on the synthetic learner with reshuffled
/// batches and compares each BLS score snapshot with the current per-sample loss l_i(e).
///
/// *The paper's statement* is judged by what it is for: InfoBatch (or SeTa, RePB) driven by BLS
/// prunes from the samples below the mean, so BLS ranks "like the true loss" when its
/// below-mean split agrees with the split of l(e) at least as well as the per-sample loss of
/// one epoch earlier, l(e − 1), does (the score InfoBatch itself would hold, and how well the
/// loss predicts its own split one epoch on):
/// ```
/// agreement(s, l(e)) ≥ agreement(l(e − 1), l(e)),   agreement = share on the same side
/// ```
/// checked for the default learner at the last epoch, for every B at the official alpha = 0.9
/// and every alpha at B = 64. *Our model of why* is ``ProxyQualityModel`` (own loss low-passed
/// plus white composition noise of BLS-2's variance). The map over loss noise, alpha, B and
/// epoch (``ProxyQualityMap``) shows where BLS ranking works and where it breaks.
public struct ProxyQualityClaim: Claim {
  public let id = "BLS-4"
  public let family = ClaimFamily.bls
  public let title = "BLS scores rank samples like their true loss"

  /// A test's sizes; nil takes the run's profile.
  let fixedSetting: Setting?
  /// A deliberate break for the tests' negative controls (``Fault/scoresShuffled``: the BLS
  /// scores are permuted across samples before they are compared).
  let fault: Fault?

  public init() {
    fixedSetting = nil
    fault = nil
  }

  init(setting: Setting?, fault: Fault? = nil) {
    fixedSetting = setting
    self.fault = fault
  }

  static let defaultNoise = 0.1
  static let officialAlpha = 0.9

  /// The sizes of a run: the profile's, or a test's (`init(setting:)`).
  struct Setting {
    var sampleCount: Int
    var epochs: Int
    var snapshotEpochs: [Int]
    var batchSizes: [Int]
    var draws: Int
    var resamples: Int
    var alphas: [Double]
    var lossNoises: [Double]
    /// Whether the committed Fashion-MNIST loss log (``CommittedLossLog``) is measured too.
    var realLog: Bool = true
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(
        sampleCount: 2048, epochs: 60, snapshotEpochs: [4, 19, 59], batchSizes: [16, 64, 256],
        draws: 8, resamples: 200, alphas: [0.5, 0.7, 0.9, 0.95], lossNoises: [0.02, 0.1, 0.3, 0.8]),
      full: Setting(
        sampleCount: 16384, epochs: 200, snapshotEpochs: [4, 19, 59, 119, 199],
        batchSizes: [16, 64, 256, 1024], draws: 32, resamples: 400,
        alphas: [0.3, 0.5, 0.7, 0.9, 0.95], lossNoises: [0.02, 0.05, 0.1, 0.2, 0.4, 0.8]))
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(fixedSetting ?? Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    let sampleCount = setting.sampleCount
    let epochs = setting.epochs
    let snapshotEpochs = setting.snapshotEpochs
    let alphas = setting.alphas
    let batchSizes = setting.batchSizes
    let draws = setting.draws
    let resamples = setting.resamples
    let finalEpoch = snapshotEpochs[snapshotEpochs.count - 1]
    let noises = setting.lossNoises
    var points: [ProxyQualityPoint] = []
    var checks: [ClaimCheck] = []
    var modelRows: [[String]] = []
    for (index, noise) in noises.enumerated() {
      context.progress(Double(index) / Double(noises.count), "loss noise \(noise)")
      let learner = noise == Self.defaultNoise ? "default learner" : "loss noise \(noise)"
      let table = try LossTable.generate(
        configuration: try LearnerConfiguration(noiseLevel: noise), sampleCount: sampleCount,
        epochs: epochs, seed: context.seed, recordsExpectedLosses: true)
      let judged = noise == Self.defaultNoise
      let measured = try ProxyQualityMap.measure(
        table, learner: learner, lossNoise: noise, alphas: alphas, batchSizes: batchSizes,
        snapshotEpochs: snapshotEpochs, resamples: judged ? resamples : 0, seed: context.seed,
        shuffleScores: fault == .scoresShuffled)
      points += measured
      guard judged else { continue }
      for p in measured where p.epoch == finalEpoch
        && (p.alpha == Self.officialAlpha || p.batchSize == 64)
      {
        let name = "\(learner), alpha = \(p.alpha), B = \(p.batchSize), epoch \(p.epoch + 1)"
        checks.append(
          ClaimCheck(
            setting: name,
            quantity: "below-mean split agreement with l(e), at least that of l(e − 1)",
            measured: p.agreement, predicted: p.referenceAgreement,
            uncertainty: p.differenceError, tolerance: 0, comparison: .atLeast,
            basis: "bootstrap SE of the paired difference (\(resamples) resamples); threshold: "
              + "the per-sample loss's own one-epoch agreement"))
        guard p.alpha == Self.officialAlpha || p.batchSize == 64 && p.alpha == alphas.first
        else { continue }
        let truth = Array(table.epoch(p.epoch))
        let model = try ProxyQualityModel.predict(
          table, alpha: p.alpha, batchSize: p.batchSize, epoch: p.epoch, draws: draws,
          seed: context.seed)
        let errors = try ProxyQualityMap.correlationErrors(
          p.scores, truth, resamples: resamples, seed: context.seed)
        let spearmanU = (errors.spearman * errors.spearman
          + model.spearmanSpread * model.spearmanSpread).squareRoot()
        let overlapU = (errors.overlap * errors.overlap
          + model.overlapSpread * model.overlapSpread).squareRoot()
        let modelBasis = "bootstrap SE (\(resamples) resamples) and the model's Monte-Carlo SE "
          + "(\(draws) draws), in quadrature; tolerance 2 SE"
        checks.append(
          ClaimCheck(
            setting: name, quantity: "Spearman(BLS score, loss) vs the noise model",
            measured: p.spearman, predicted: model.spearman, uncertainty: spearmanU,
            tolerance: 2 * spearmanU, answer: .model, basis: modelBasis))
        checks.append(
          ClaimCheck(
            setting: name, quantity: "below-mean set overlap (Jaccard) vs the noise model",
            measured: p.overlap, predicted: model.overlap, uncertainty: overlapU,
            tolerance: 2 * overlapU, answer: .model, basis: modelBasis))
        modelRows.append([
          "\(p.alpha)", "\(p.batchSize)", ClaimTable.format(p.spearman),
          ClaimTable.format(model.spearman), ClaimTable.format(p.overlap),
          ClaimTable.format(model.overlap),
        ])
      }
    }
    // The mini-CNN's per-sample losses on Fashion-MNIST: the statement judged on a real run, at
    // the official alpha and the trainer's batch size (B = 128) among others.
    var realPoints: [ProxyQualityPoint] = []
    if setting.realLog, let log = try CommittedLossLog.fashionMNIST() {
      context.progress(0.95, "Fashion-MNIST loss log")
      let table = LossTable(log: log)
      let last = table.epochCount - 1
      realPoints = try ProxyQualityMap.measure(
        table, learner: "mini-CNN, Fashion-MNIST", lossNoise: .nan, alphas: alphas,
        batchSizes: Array(Set(batchSizes + [128])).sorted(),
        snapshotEpochs: [1, 4, 9, last].filter { $0 <= last }, resamples: resamples,
        seed: context.seed, shuffleScores: fault == .scoresShuffled)
      for p in realPoints where p.epoch == last && p.alpha == Self.officialAlpha {
        checks.append(
          ClaimCheck(
            setting: "mini-CNN, Fashion-MNIST log, alpha = \(p.alpha), B = \(p.batchSize), "
              + "epoch \(p.epoch + 1)",
            quantity: "below-mean split agreement with l(e), at least that of l(e − 1)",
            measured: p.agreement, predicted: p.referenceAgreement,
            uncertainty: p.differenceError, tolerance: 0, comparison: .atLeast,
            basis: "bootstrap SE of the paired difference (\(resamples) resamples); threshold: "
              + "the per-sample loss's own one-epoch agreement"))
      }
    }
    context.progress(1, "done")
    return try ProxyQualityReport.result(
      claim: self, points: points, realPoints: realPoints, checks: checks, modelRows: modelRows,
      sizes: .init(
        sampleCount: sampleCount, epochs: epochs, snapshotEpochs: snapshotEpochs, alphas: alphas,
        batchSizes: batchSizes, noises: noises, draws: draws, resamples: resamples,
        finalEpoch: finalEpoch))
  }
}
