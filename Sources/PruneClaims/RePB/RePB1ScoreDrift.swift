import PruneAnalysis
import PruneCore

/// RePB-1: scores compared within a window of W consecutive batches come from at most W model
/// states, so their drift is bounded by L W η G, and W = 1 has none (claims.md "RePB-1").
///
/// On a ``DriftingLossField`` (losses change with every step) each epoch visits the samples in a
/// seeded random order, batch by batch, one step per batch; each sample's score is its loss
/// before its batch's step. For a window of W batches the scores as used are compared with the
/// scores all members would have at the state where the window is decided (its last batch):
/// ```
/// drift      = max over members |s_i(t_i) − s_i(t_decide)|  ≤  (W − 1) L_max     (the bound)
/// agreement  = Kendall τ_b(s(t_i), s(t_decide)) over the window's members  (= 1 for W = 1)
/// decisions  = share of members on the other side of the window mean
/// ```
/// and the same for InfoBatch's global comparison (one window of all the epoch's batches).
public struct RePB1ScoreDrift: Claim {
  /// A deliberate break for the tests' negative controls (``Fault/assumptionBroken``: losses
  /// that do not change with the steps, so there is no drift to be inconsistent about).
  let fault: Fault?

  public init() { fault = nil }

  init(fault: Fault?) { self.fault = fault }
  public var id: String { "RePB-1" }
  public var family: ClaimFamily { .repb }
  public var title: String { "Score context drift" }

  struct Setting {
    var sampleCount: Int
    var batchSize: Int
    var epochs: Int
    var medianRate: Double
    var windows: [Int]
  }

  static func setting(for profile: ClaimProfile) -> Setting {
    profile.pick(
      quick: Setting(
        sampleCount: 2_048, batchSize: 64, epochs: 4, medianRate: 1.0 / 64,
        windows: [1, 2, 4, 8, 16, 32]),
      full: Setting(
        sampleCount: 16_384, batchSize: 128, epochs: 8, medianRate: 1.0 / 128,
        windows: [1, 2, 4, 8, 16, 32, 64, 128]))
  }

  /// The measurements of one window size.
  struct WindowMeasurement {
    var windowBatches: Int
    var isGlobal: Bool
    var maxDrift: Double
    var driftBound: Double
    var meanTau: Double
    var tauError: Double
    var decisionFlips: Double
    /// The window members compared (all windows, all epochs).
    var members: Int

    /// The binomial standard error of ``decisionFlips``.
    var flipError: Double {
      (decisionFlips * (1 - decisionFlips) / Double(max(members, 1))).squareRoot()
    }
  }

  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(Self.setting(for: context.profile), in: context)
  }

  /// Runs the claim in an explicit setting (the tests use tiny ones).
  func run(_ setting: Setting, in context: ClaimContext) throws -> ClaimResult {
    let field = DriftingLossField(
      sampleCount: setting.sampleCount,
      medianRate: fault == .assumptionBroken ? 0 : setting.medianRate, seed: context.seed)
    let batchesPerEpoch = (setting.sampleCount + setting.batchSize - 1) / setting.batchSize
    var measurements: [WindowMeasurement] = []
    for w in setting.windows where w < batchesPerEpoch {
      measurements.append(
        try Self.measure(
          field: field, setting: setting, windowBatches: w, isGlobal: false, seed: context.seed))
    }
    measurements.append(
      try Self.measure(
        field: field, setting: setting, windowBatches: batchesPerEpoch, isGlobal: true,
        seed: context.seed))
    return try Self.result(
      setting: setting, seed: context.seed, field: field, measurements: measurements)
  }

  static func measure(
    field: DriftingLossField, setting: Setting, windowBatches: Int, isGlobal: Bool, seed: UInt64
  ) throws -> WindowMeasurement {
    let batchesPerEpoch = (setting.sampleCount + setting.batchSize - 1) / setting.batchSize
    var maxDrift = 0.0
    var taus: [Double] = []
    var flips = 0
    var members = 0
    for epoch in 0..<setting.epochs {
      var order = Array(0..<setting.sampleCount)
      var generator = epochGenerator(seed: seed, epoch: epoch)
      order.seededShuffle(using: &generator)
      var windowStart = 0
      while windowStart < batchesPerEpoch {
        let windowEnd = min(windowStart + windowBatches, batchesPerEpoch)
        let decideStep = epoch * batchesPerEpoch + windowEnd - 1
        var used: [Double] = []
        var reference: [Double] = []
        for batch in windowStart..<windowEnd {
          let step = epoch * batchesPerEpoch + batch
          let lower = batch * setting.batchSize
          let upper = min(lower + setting.batchSize, setting.sampleCount)
          for sample in order[lower..<upper] {
            let s = field.loss(ofSample: sample, atStep: step)
            let r = field.loss(ofSample: sample, atStep: decideStep)
            used.append(s)
            reference.append(r)
            maxDrift = max(maxDrift, abs(s - r))
          }
        }
        taus.append(try Correlation.kendallTauB(used, reference))
        let usedMean = used.reduce(0, +) / Double(used.count)
        let referenceMean = reference.reduce(0, +) / Double(reference.count)
        for (s, r) in zip(used, reference) where (s < usedMean) != (r < referenceMean) {
          flips += 1
        }
        members += used.count
        windowStart = windowEnd
      }
    }
    let moments = try Moments(taus)
    return WindowMeasurement(
      windowBatches: windowBatches, isGlobal: isGlobal, maxDrift: maxDrift,
      driftBound: Double(windowBatches - 1) * field.lipschitzPerStep,
      meanTau: moments.mean,
      tauError: moments.standardDeviation / Double(max(taus.count, 1)).squareRoot(),
      decisionFlips: Double(flips) / Double(members), members: members)
  }
}
