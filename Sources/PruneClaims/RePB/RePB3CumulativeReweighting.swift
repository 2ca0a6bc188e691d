import PruneCore
import PruneEngine

/// RePB-3: cumulative temporal reweighting w_i(E) = E / N_i(E) makes the expected reweighted
/// gradient proportional to the full gradient as E grows; InfoBatch-style instantaneous weights
/// do not, and Jensen's inequality makes E[E/N_i] over-estimate E/E[N_i] (claims.md "RePB-3").
///
/// Many independent runs (seeds) of the real ``RePB`` rule on a ``NoisyLossField`` whose levels
/// are the losses of a ``GradientField``. In every epoch E ≥ 1 the plan's CTR estimator
/// Σ_{i∈D_E} w_i(E) g_i and the instantaneous one (1/(1 − ρ) on samples kept although below their
/// window mean in epoch E − 1, 1 elsewhere) are compared with T = Σ_D g. Predictions come from
/// each sample's exact membership chain (``RepbMembershipChain``) with its below-mean chance
/// q_i(e) in each epoch counted in the same runs:
/// ```
/// E[CTR] − T  = Σ_i (E[1{i ∈ D_E} E/N_i(E)] − 1) g_i
/// E[inst] − T = Σ_i (P(i ∈ D_{E−1}) + (1 − P(i ∈ D_{E−1}))(1 − ρ) − 1) g_i
///             = −ρ Σ_i P(i ∉ D_{E−1}) g_i
/// Jensen gap  = E[E/N_i(E)] − E/E[N_i(E)] ≥ 0
/// ```
public struct RePB3CumulativeReweighting: Claim {
  /// A deliberate break for the tests' negative controls (``Fault/rescalingRemoved``: the CTR
  /// estimator uses weight 1 instead of E/N_i(E)).
  let fault: Fault?

  public init() { fault = nil }

  init(fault: Fault?) { self.fault = fault }
  public var id: String { "RePB-3" }
  public var family: ClaimFamily { .repb }
  public var title: String { "Cumulative temporal reweighting" }

  /// The share of Monte-Carlo runs whose pure noise stays within a bias check's tolerance (as
  /// IB-1: SE · sqrt(q_0.99(χ²_d)/d)).
  static let noiseCoverage = 0.99

  struct Setting {
    var sampleCount: Int
    var dimension: Int
    var batchSize: Int
    var epochs: Int
    var runs: Int
    var rho: Double
    var noise: Double
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(
        sampleCount: 400, dimension: 8, batchSize: 32, epochs: 12, runs: 1_000, rho: 0.5,
        noise: 0.5),
      full: Setting(
        sampleCount: 2_000, dimension: 16, batchSize: 64, epochs: 30, runs: 2_000, rho: 0.5,
        noise: 0.5))
  }

  /// Accumulated Monte-Carlo measurements.
  struct Measurement {
    /// Per epoch E ≥ 1 (index E − 1): estimator − T.
    var ctr: [VectorMonteCarlo]
    var instantaneous: [VectorMonteCarlo]
    /// Per epoch E ≥ 1 and sample: Σ_runs E/N_i(E) and Σ_runs N_i(E).
    var weightSums: [[Double]]
    var countSums: [[Double]]
    /// Per epoch and sample: runs in which it trained, and in which it was below its window
    /// mean; q_i(e) = below / trained.
    var trainedByEpoch: [[Int]]
    var belowByEpoch: [[Int]]
    var runs: Int
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    let field = try GradientField.synthetic(
      sampleCount: setting.sampleCount, dimension: setting.dimension, coupling: 1,
      seed: context.seed)
    let measurement = try Self.measure(
      field: field, setting: setting, seed: context.seed, fault: fault
    ) {
      context.progress($0, "RePB-3 runs")
    }
    return try Self.result(
      setting: setting, seed: context.seed, field: field, measurement: measurement)
  }

  static func measure(
    field: GradientField, setting: Setting, seed: UInt64, fault: Fault? = nil,
    progress: (Double) -> Void = { _ in }
  ) throws -> Measurement {
    let n = setting.sampleCount
    let total = field.sum { _ in true }
    let epochs = setting.epochs
    var m = Measurement(
      ctr: (1..<epochs).map { _ in VectorMonteCarlo(dimension: field.dimension) },
      instantaneous: (1..<epochs).map { _ in VectorMonteCarlo(dimension: field.dimension) },
      weightSums: (1..<epochs).map { _ in [Double](repeating: 0, count: n) },
      countSums: (1..<epochs).map { _ in [Double](repeating: 0, count: n) },
      trainedByEpoch: (0..<epochs).map { _ in [Int](repeating: 0, count: n) },
      belowByEpoch: (0..<epochs).map { _ in [Int](repeating: 0, count: n) },
      runs: setting.runs)
    let keptBelowWeight = 1 / (1 - setting.rho)
    for run in 0..<setting.runs {
      if run % 50 == 0 { progress(Double(run) / Double(setting.runs)) }
      let runSeed = seed &+ 1 &+ UInt64(run)
      let losses = NoisyLossField(levels: field.losses, noise: setting.noise, seed: runSeed)
      let setup = try TrainingSetup(
        sampleCount: n, batchSize: setting.batchSize, plannedEpochs: epochs, seed: runSeed)
      var rule = try RePB(configuration: RePBConfiguration(rho: setting.rho), setup: setup)
      var tally = BelowMeanTally(sampleCount: n)
      var previousBelow = [Bool](repeating: false, count: n)
      var previousTrained = [Bool](repeating: false, count: n)
      for epoch in 0..<epochs {
        if epoch > 0 {
          let counts = rule.trainingCounts
          for i in 0..<n {
            m.weightSums[epoch - 1][i] += Double(epoch) / Double(counts[i])
            m.countSums[epoch - 1][i] += Double(counts[i])
          }
        }
        var below = [Bool](repeating: false, count: n)
        var trained = [Bool](repeating: false, count: n)
        let plan = try RuleDriver.runEpoch(
          &rule, epoch: epoch, lossOf: { losses.loss(ofSample: $0, epoch: epoch) },
          trainBatch: { samples, _ in
            let flags = tally.note(
              samples: samples, losses: samples.map { losses.loss(ofSample: $0, epoch: epoch) },
              epoch: epoch)
            for (sample, flag) in zip(samples, flags) {
              below[sample] = flag
              trained[sample] = true
            }
          })
        if epoch > 0 {
          let ctr = field.weightedSum(
            samples: plan.samples, weights: fault == .rescalingRemoved ? nil : plan.weights)
          let instantaneousWeights = plan.samples.map {
            previousTrained[$0] && previousBelow[$0] ? keptBelowWeight : 1
          }
          let instantaneous = field.weightedSum(
            samples: plan.samples, weights: instantaneousWeights)
          m.ctr[epoch - 1].add(VectorMath.difference(ctr, total))
          m.instantaneous[epoch - 1].add(VectorMath.difference(instantaneous, total))
        }
        for i in 0..<n where trained[i] {
          m.trainedByEpoch[epoch][i] += 1
          if below[i] { m.belowByEpoch[epoch][i] += 1 }
        }
        previousBelow = below
        previousTrained = trained
      }
    }
    return m
  }
}
