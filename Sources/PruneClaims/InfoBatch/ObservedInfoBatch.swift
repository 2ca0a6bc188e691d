import PruneCore

/// InfoBatch (on per-sample losses) with a notebook: at every plan it writes down what the
/// selection saw, so IB-4 and IB-6 can compare each epoch's plan with the prediction made from
/// the very scores the rule used.
///
/// Every call is forwarded unchanged to the wrapped rule; the notebook is not part of the state.
struct ObservedInfoBatch: PruningRule {
  /// What one epoch's plan was made from, and what it gave.
  struct Observation: Sendable, Equatable {
    var epoch: Int
    var prunes: Bool
    /// |C| / N: the share of scores strictly below their mean.
    var belowMeanFraction: Double
    /// Σ_plan w s / Σ_D s − 1 with the scores s at plan time (the loss-sum residual).
    var relativeResidual: Double
    /// The predicted standard deviation of ``relativeResidual`` over the selection draw,
    /// including the exact-count floor bias (``InfoBatchResidual``).
    var predictedResidualRMS: Double
    var plannedSamples: Int
  }

  private(set) var base: InfoBatch<LossScore>
  private(set) var observations: [Observation] = []
  /// A negative control's break (``Fault/rescalingRemoved`` sets every weight to 1).
  let fault: Fault?

  init(_ base: InfoBatch<LossScore>, fault: Fault? = nil) {
    self.base = base
    self.fault = fault
  }

  var name: String { base.name }
  var setup: TrainingSetup { base.setup }
  var requiredSignals: SignalKinds { base.requiredSignals }
  var parameters: [String: String] { base.parameters }
  var state: InfoBatch<LossScore>.State { base.state }

  mutating func plan(forEpoch epoch: Int) throws -> EpochPlan {
    let scores = base.scoreSource.scores
    var plan = try base.plan(forEpoch: epoch)
    if fault == .rescalingRemoved { plan.weights = [Double](repeating: 1, count: plan.sampleCount) }
    let prunes = base.prunes(epoch: epoch)
    var total = 0.0
    for s in scores { total += s }
    var estimate = 0.0
    for (z, w) in zip(plan.samples, plan.weights) { estimate += w * scores[z] }
    let residual = InfoBatchResidual(
      scores: scores, keepRatio: base.configuration.keepRatio,
      keptCandidates: base.configuration.keptCount(ofCandidates:))
    observations.append(
      Observation(
        epoch: epoch, prunes: prunes, belowMeanFraction: residual.candidateFraction,
        relativeResidual: estimate / total - 1,
        predictedResidualRMS: prunes ? residual.relativeRMS : 0,
        plannedSamples: plan.sampleCount))
    return plan
  }

  mutating func record(_ report: BatchReport) throws { try base.record(report) }
  mutating func finishEpoch(_ epoch: Int) throws { try base.finishEpoch(epoch) }
  mutating func restore(_ state: InfoBatch<LossScore>.State) throws { try base.restore(state) }
}

/// The residual of InfoBatch's rescaled loss sum, Σ_{S} w s − Σ_D s, over the selection draw.
///
/// With candidates C (scores below the mean), k = floor(κ|C|) kept uniformly without replacement
/// and weight 1/κ, the kept candidates' sum is a without-replacement sample sum:
/// ```
/// E[residual]   = (k/(κ|C|) − 1) Σ_C s
/// Var[residual] = κ⁻² k σ_C² (|C| − k) / (|C| − 1)      σ_C² = population variance over C
/// RMS           = sqrt(E² + Var) / Σ_D s                  (relative)
/// ```
struct InfoBatchResidual {
  let candidateFraction: Double
  let relativeRMS: Double

  init(scores: [Double], keepRatio: Double, keptCandidates: (Int) -> Int) {
    var total = 0.0
    for s in scores { total += s }
    let mean = total / Double(scores.count)
    var count = 0
    var sum = 0.0
    var sumOfSquares = 0.0
    for s in scores where s < mean {
      count += 1
      sum += s
      sumOfSquares += s * s
    }
    candidateFraction = Double(count) / Double(scores.count)
    let k = keptCandidates(count)
    guard count > 1 else {
      relativeRMS = 0
      return
    }
    let c = Double(count)
    let populationVariance = max(0, sumOfSquares / c - (sum / c) * (sum / c))
    let bias = (Double(k) / (keepRatio * c) - 1) * sum
    let variance =
      Double(k) * populationVariance * (c - Double(k)) / (c - 1) / (keepRatio * keepRatio)
    relativeRMS = (bias * bias + variance).squareRoot() / total
  }
}
