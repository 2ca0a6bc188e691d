/// The exact law of one sample's pool membership and training count under RePB (RePB-3).
///
/// A sample trains in epoch 0 (full data). Afterwards it is in the pool of epoch e + 1 with
/// probability a_e = 1 − ρ q_e if it trained in epoch e (kept unless below its window mean,
/// chance q_e, and then dropped, chance ρ) and b = 1 − ρ if it did not (uniform resampling).
/// The chance q_e may change with the epoch (the pool's composition settles after the full
/// epoch 0); the chain is then time-inhomogeneous but still exact given the q_e. N(E), the number
/// of epochs among 0…E−1 it trained in, sets its CTR weight w(E) = E / N(E) for epoch E
/// (algorithms.md §4). Dynamic programming over (membership, count) gives, exactly:
/// ```
/// E[w(E)],  E[N(E)],  E[1{trains in E} · w(E)]  (CTR),
/// E[1{trains in E} · w_inst]  with InfoBatch-style weights 1/(1 − ρ) on kept below-mean samples
/// ```
/// The CTR estimator Σ_i 1{i trains in E} w_i(E) g_i is unbiased for Σ_i g_i when the third
/// quantity is 1; Jensen's inequality makes E[E/N] ≥ E / E[N].
struct RepbMembershipChain {
  let rho: Double
  /// q_e for e = 0, 1, …; the last value holds for later epochs.
  let belowMeanProbabilities: [Double]

  init(rho: Double, belowMeanProbabilities: [Double]) {
    precondition(!belowMeanProbabilities.isEmpty, "at least one below-mean probability")
    self.rho = rho
    self.belowMeanProbabilities = belowMeanProbabilities
  }

  /// A chain with the same q in every epoch.
  init(rho: Double, belowMeanProbability q: Double) {
    self.init(rho: rho, belowMeanProbabilities: [q])
  }

  /// a_e = 1 − ρ q_e.
  func stayProbability(afterEpoch e: Int) -> Double {
    1 - rho * belowMeanProbabilities[min(e, belowMeanProbabilities.count - 1)]
  }

  /// Moments of one epoch E ≥ 1.
  struct EpochMoments: Equatable {
    var epoch: Int
    /// E[E / N(E)].
    var meanWeight: Double
    /// E / E[N(E)]: the weight at the mean frequency.
    var weightAtMeanCount: Double
    /// E[1{in E} · E / N(E)].
    var ctrMultiplier: Double
    /// E[1{in E} · w_inst].
    var instantaneousMultiplier: Double
    /// P(in E).
    var inPool: Double
  }

  /// The moments for epochs 1…`epochs`.
  func moments(through epochs: Int) -> [EpochMoments] {
    let b = 1 - rho
    // probability[s][n]: membership s (1 = trained) in the last epoch, n epochs trained so far.
    var inside = [Double](repeating: 0, count: epochs + 2)
    var outside = inside
    inside[1] = 1
    var result: [EpochMoments] = []
    for epoch in 1...max(1, epochs) {
      let e = Double(epoch)
      let a = stayProbability(afterEpoch: epoch - 1)
      var meanWeight = 0.0
      var meanCount = 0.0
      var ctr = 0.0
      var pIn = 0.0
      var pInPrevious = 0.0
      for n in 1...epoch {
        let mass = inside[n] + outside[n]
        guard mass > 0 else { continue }
        meanWeight += mass * e / Double(n)
        meanCount += mass * Double(n)
        ctr += (inside[n] * a + outside[n] * b) * e / Double(n)
        pIn += inside[n] * a + outside[n] * b
        pInPrevious += inside[n]
      }
      let instantaneous = pInPrevious + (1 - pInPrevious) * b
      result.append(
        EpochMoments(
          epoch: epoch, meanWeight: meanWeight, weightAtMeanCount: e / meanCount,
          ctrMultiplier: ctr, instantaneousMultiplier: instantaneous, inPool: pIn))
      var nextInside = [Double](repeating: 0, count: epochs + 2)
      var nextOutside = nextInside
      for n in 1...epoch {
        nextInside[n + 1] += inside[n] * a + outside[n] * b
        nextOutside[n] += inside[n] * (1 - a) + outside[n] * (1 - b)
      }
      inside = nextInside
      outside = nextOutside
    }
    return result
  }
}
