import Testing
@testable import PruneClaims

@Test func PruneClaimsModuleLoads() {
  #expect(String(describing: PruneClaims.self).contains("PruneClaims"))
}
