import Testing
@testable import PruneClaims

@Suite struct ComparisonTests {
  @Test func equalWithinToleranceHolds() {
    #expect(Comparison.equal.verdict(measured: 1.01, predicted: 1, uncertainty: 0, tolerance: 0.02)
      == .holds)
  }

  @Test func farOutsideToleranceFails() {
    #expect(Comparison.equal.verdict(measured: 1.5, predicted: 1, uncertainty: 0.1, tolerance: 0.1)
      == .fails)
  }

  @Test func outsideToleranceButWithinUncertaintyIsInconclusive() {
    #expect(Comparison.equal.verdict(measured: 1.3, predicted: 1, uncertainty: 0.2, tolerance: 0.1)
      == .inconclusive)
  }

  @Test func boundsAreOneSided() {
    #expect(Comparison.atMost.verdict(measured: 0.2, predicted: 1, uncertainty: 0, tolerance: 0)
      == .holds)
    #expect(Comparison.atMost.verdict(measured: 1.2, predicted: 1, uncertainty: 0, tolerance: 0.1)
      == .fails)
    #expect(Comparison.atLeast.verdict(measured: 1.2, predicted: 1, uncertainty: 0, tolerance: 0)
      == .holds)
  }

  @Test func nonFiniteIsInconclusive() {
    #expect(Comparison.equal.verdict(measured: .nan, predicted: 1, uncertainty: 0, tolerance: 1)
      == .inconclusive)
  }

  @Test func claimVerdictIgnoresDeliberateAssumptionBreaks() {
    let holds = ClaimCheck(
      setting: "a", quantity: "q", measured: 1, predicted: 1, uncertainty: 0, tolerance: 0.1)
    let broken = ClaimCheck(
      setting: "b", quantity: "q", measured: 3, predicted: 1, uncertainty: 0, tolerance: 0.1,
      expectedToHold: false)
    let result = ClaimResult(
      id: "X", family: .bls, title: "t", statement: "s", equation: "e", setting: [],
      checks: [holds, broken])
    #expect(broken.verdict == .fails)
    #expect(result.verdict == .holds)
  }

  @Test func sanityChecksNeverDecide() {
    let identity = ClaimCheck.sanity(setting: "a", quantity: "q", measured: 1, predicted: 1)
    let brokenIdentity = ClaimCheck.sanity(setting: "b", quantity: "q", measured: 2, predicted: 1)
    let evidence = ClaimCheck(
      setting: "c", quantity: "q", measured: 1, predicted: 1, uncertainty: 0, tolerance: 0.1)
    #expect(brokenIdentity.verdict == .fails)
    let withEvidence = ClaimResult(
      id: "X", family: .bls, title: "t", statement: "s", equation: "e", setting: [],
      checks: [identity, brokenIdentity, evidence])
    #expect(withEvidence.verdict == .holds)
    #expect(withEvidence.decidingChecks == [evidence])
    let identitiesOnly = ClaimResult(
      id: "X", family: .bls, title: "t", statement: "s", equation: "e", setting: [],
      checks: [identity], notTestableReason: "a definition")
    #expect(identitiesOnly.verdict == .notTestable)
    #expect(identitiesOnly.verdict.rawValue == "not testable here")
  }

  @Test func modelChecksAnswerTheModelNotTheStatement() {
    let statement = ClaimCheck(
      setting: "a", quantity: "rank correlation", measured: 0.2, predicted: 0.8, uncertainty: 0.01,
      tolerance: 0, comparison: .atLeast)
    let model = ClaimCheck(
      setting: "a", quantity: "rank correlation", measured: 0.2, predicted: 0.21,
      uncertainty: 0.01, tolerance: 0.03, answer: .model)
    let result = ClaimResult(
      id: "X", family: .bls, title: "t", statement: "s", equation: "e", setting: [],
      checks: [statement, model])
    #expect(result.verdict == .fails)
    #expect(result.modelAnswer == .agrees)
    let noModel = ClaimResult(
      id: "X", family: .bls, title: "t", statement: "s", equation: "e", setting: [],
      checks: [statement])
    #expect(noModel.modelAnswer == nil)
  }

  @Test func unknownIdIsNamed() {
    #expect(throws: ClaimsError.self) { try ClaimRegistry.select(["NOPE-1"]) }
  }
}

@Suite struct ClaimRegistryTests {
  @Test func claimsFollowTheOrderOfClaimsMd() {
    let ids = ClaimRegistry.ids
    #expect(ids.first == "IB-1")
    let bpas = ids.filter { $0.hasPrefix("BPAS-") }
    #expect(bpas == bpas.sorted { (Int($0.dropFirst(5)) ?? 0) < (Int($1.dropFirst(5)) ?? 0) })
    let families = ClaimRegistry.all.map(\.family)
    let positions = families.map { ClaimFamily.allCases.firstIndex(of: $0) ?? -1 }
    #expect(positions == positions.sorted())
  }
}
