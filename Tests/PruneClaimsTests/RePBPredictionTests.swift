import Testing
import _PruneTestSupport

@testable import PruneClaims

/// Hand-computed values of the RePB claims' prediction math.
@Suite struct RePBPredictionTests {
  @Test func steadyStateOfTheMeanField() {
    // ρ = 0.5, f = 0.5: P*/N = 0.5 / (0.25 + 0.5) = 2/3.
    #expect(
      Tolerance.isClose(
        RepbPoolPrediction.steadyStateFraction(rho: 0.5, belowMeanFraction: 0.5), 2.0 / 3))
    // And it is a fixed point of the recurrence.
    let next = RepbPoolPrediction.nextPool(
      2000.0 * 2 / 3, sampleCount: 2000, rho: 0.5, belowMeanFraction: 0.5, resampling: true)
    #expect(Tolerance.isClose(next, 2000.0 * 2 / 3))
    #expect(
      RepbPoolPrediction.nextPool(
        100, sampleCount: 2000, rho: 0.5, belowMeanFraction: 0.5, resampling: false) == 75)
  }

  @Test func heterogeneousSamplesExceedTheMeanField() {
    // q = 0 stays forever (p = 1); q = 1 with ρ = 0.5 gives p = 0.5 / 1 = 0.5: mean 0.75 > 2/3.
    let perSample = RepbPoolPrediction.steadyStateFraction(
      rho: 0.5, belowMeanProbabilities: [0, 1])
    #expect(perSample == 0.75)
  }

  @Test func chainOfASampleThatIsNeverBelowTheMean() {
    let moments = RepbMembershipChain(rho: 0.5, belowMeanProbability: 0).moments(through: 4)
    #expect(moments.map(\.meanWeight) == [1, 1, 1, 1])
    #expect(moments.map(\.ctrMultiplier) == [1, 1, 1, 1])
    #expect(moments.map(\.instantaneousMultiplier) == [1, 1, 1, 1])
  }

  @Test func chainOfASampleThatIsAlwaysBelowTheMean() {
    // ρ = 0.5, q = 1: after epoch 0 membership is a fair coin each epoch, independent of the past.
    let moments = RepbMembershipChain(rho: 0.5, belowMeanProbability: 1).moments(through: 2)
    // E = 1: N(1) = 1, w = 1; in pool with chance 1/2; instantaneous: it was in epoch 0 → 1.
    #expect(moments[0].meanWeight == 1)
    #expect(moments[0].ctrMultiplier == 0.5)
    #expect(moments[0].instantaneousMultiplier == 1)
    // E = 2: N(2) = 1 + Bernoulli(1/2): E[2/N] = (2 + 1)/2 = 1.5, 2/E[N] = 4/3.
    #expect(moments[1].meanWeight == 1.5)
    #expect(Tolerance.isClose(moments[1].weightAtMeanCount, 4.0 / 3))
    #expect(moments[1].ctrMultiplier == 0.75)
    // Instantaneous: P(in 1) = 1/2 → 1/2 + 1/2 · 1/2 = 0.75.
    #expect(moments[1].instantaneousMultiplier == 0.75)
  }

  @Test func jensenGapIsNeverNegative() {
    for q in stride(from: 0.0, through: 1.0, by: 0.125) {
      for m in RepbMembershipChain(rho: 0.3, belowMeanProbability: q).moments(through: 12) {
        #expect(m.meanWeight >= m.weightAtMeanCount - 1e-12)
      }
    }
  }

  @Test func belowMeanTallyIsStrict() {
    var tally = BelowMeanTally(sampleCount: 4)
    let flags = tally.note(samples: [0, 1, 2, 3][...], losses: [1, 1, 1, 3], epoch: 0)
    #expect(flags == [true, true, true, false])
    #expect(tally.belowMeanFraction(epoch: 0) == 0.75)
    let tie = tally.note(samples: [0, 1][...], losses: [2, 2], epoch: 1)
    #expect(tie == [false, false])
  }

  @Test func driftingLossesAreBoundedByTheirLipschitzConstant() {
    let field = DriftingLossField(sampleCount: 50, medianRate: 0.05, seed: 3)
    let bound = field.lipschitzPerStep
    for i in 0..<50 {
      for t in 0..<20 {
        let step = abs(field.loss(ofSample: i, atStep: t + 1) - field.loss(ofSample: i, atStep: t))
        #expect(step <= bound + 1e-15)
      }
    }
  }
}
