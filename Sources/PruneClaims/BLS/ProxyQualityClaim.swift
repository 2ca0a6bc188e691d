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

  /// Sizes override (tests); nil takes the run's profile.
  let size: ClaimSize?
  /// A deliberate break for the tests' negative controls (``Fault/scoresShuffled``: the BLS
  /// scores are permuted across samples before they are compared).
  let fault: Fault?

  public init() {
    size = nil
    fault = nil
  }

  init(size: ClaimSize, fault: Fault? = nil) {
    self.size = size
    self.fault = fault
  }

  /// The per-visit loss noise of the map's learners; 0.1 is the learner's default, the setting
  /// the statement is judged in.
  static func lossNoises(_ size: ClaimSize) -> [Double] {
    size.pick(tiny: [0.1, 0.8], quick: [0.02, 0.1, 0.3, 0.8], full: [0.02, 0.05, 0.1, 0.2, 0.4, 0.8])
  }

  static let defaultNoise = 0.1
  static let officialAlpha = 0.9

  public func run(in context: ClaimContext) throws -> ClaimResult {
    let size = ClaimSize.resolve(self.size, context)
    let sampleCount = size.pick(tiny: 256, quick: 2048, full: 16384)
    let epochs = size.pick(tiny: 10, quick: 60, full: 200)
    let snapshotEpochs = size.pick(tiny: [4, 9], quick: [4, 19, 59], full: [4, 19, 59, 119, 199])
    let alphas = EmaFilterResponseClaim.alphas(size).filter { $0 < 0.99 }
    let batchSizes = size.pick(tiny: [64], quick: [16, 64, 256], full: [16, 64, 256, 1024])
    let draws = size.pick(tiny: 2, quick: 8, full: 32)
    let resamples = size.pick(tiny: 20, quick: 200, full: 400)
    let finalEpoch = snapshotEpochs[snapshotEpochs.count - 1]
    let noises = Self.lossNoises(size)
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
    context.progress(1, "done")
    return try ProxyQualityReport.result(
      claim: self, points: points, checks: checks, modelRows: modelRows,
      sizes: .init(
        sampleCount: sampleCount, epochs: epochs, snapshotEpochs: snapshotEpochs, alphas: alphas,
        batchSizes: batchSizes, noises: noises, draws: draws, resamples: resamples,
        finalEpoch: finalEpoch))
  }
}
