import PruneCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import PruneClaims

/// True once PruneCore can build the B-PAS rule by name.
let bpasRuleExists: Bool = {
  guard let setup = try? TrainingSetup(sampleCount: 8, batchSize: 4, plannedEpochs: 2) else {
    return false
  }
  return (try? RuleCatalog.makeRule(named: "bpas", options: RuleOptions(), setup: setup)) != nil
}()

@Suite struct BPASClaimsTests {
  @Test func thresholdEndPointsAreExact() {
    let configuration = BPASConfiguration.standard
    for epochs in [1, 5, 90, 200, 1000] {
      #expect(configuration.threshold(epoch: 0, plannedEpochs: epochs) == 1e-6)
      let end = configuration.threshold(epoch: epochs, plannedEpochs: epochs)
      #expect(abs(end / 5e-5 - 1) <= ThresholdScheduleClaim.roundTripTolerance(ratio: 50))
    }
  }

  @Test func thresholdClaimHolds() throws {
    let result = try ThresholdScheduleClaim(setting: try Tiny.bpas2()).run(in: ClaimContext())
    // Per simulation setting one evidence check (the rule's decisions follow the schedule) and
    // one non-vacuity check, then the formula's four sanity checks.
    #expect(result.checks.count == 6)
    #expect(result.decidingChecks.count == 1)
    #expect(result.sanityChecks.allSatisfy { $0.verdict == .holds })
    #expect(result.verdict == .holds)
    #expect(!result.figures.isEmpty)
  }

  @Test func dsiWorkedExampleIs043() throws {
    let check = try DataSavingsIndexClaim.workedExampleCheck()
    #expect(abs(check.measured - 0.43) < 1e-15)
    #expect(check.predicted == 1 - 570.0 / 1000.0)
    #expect(check.verdict == .holds)
  }

  @Test func retentionAuditCountsByHand() {
    let audit = RetentionAudit([[0, 1, 2], [0, 2], [0, 1, 2], [0]])
    #expect(audit.increases == 1)
    #expect(audit.returns == 1)
    #expect(audit.drops == 1 + 2)
  }

  @Test func divergencesByHand() {
    let p = [0.5, 0.5]
    let q = [0.75, 0.25]
    #expect(ClassHistogramDivergence.totalVariation(p, q) == 0.25)
    let kl = ClassHistogramDivergence.kullbackLeibler(retained: q, original: p)
    #expect(abs(kl - (0.75 * log(1.5) + 0.25 * log(0.5))) < 1e-15)
    #expect(ClassHistogramDivergence.kullbackLeibler(retained: [1, 0], original: p) == log(2))
  }

  @Test(.enabled(if: bpasRuleExists), arguments: 0..<3) func runsTinyWithFiniteChecks(index: Int) throws {
    let claims: [any Claim] = [
      MonotoneRetentionClaim(setting: try Tiny.bpas1()),
      DataSavingsIndexClaim(setting: try Tiny.bpas3()),
      ClassBalanceClaim(setting: Tiny.bpas5),
    ]
    let result = try claims[index].run(in: ClaimContext(seed: 5))
    #expect(!result.checks.isEmpty)
    for check in result.checks {
      #expect(check.measured.isFinite && check.predicted.isFinite, "\(check.quantity)")
    }
    #expect(!result.tables.isEmpty && !result.figures.isEmpty)
  }

  @Test(.enabled(if: bpasRuleExists)) func retentionNeverIncreases() throws {
    let result = try MonotoneRetentionClaim(setting: try Tiny.bpas1()).run(in: ClaimContext(seed: 9))
    #expect(result.checks[0].measured == 0)
    #expect(result.checks[1].measured == 0)
  }
}
