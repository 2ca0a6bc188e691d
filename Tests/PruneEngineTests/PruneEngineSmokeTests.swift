import Testing
@testable import PruneEngine

@Test func PruneEngineModuleLoads() {
  #expect(String(describing: PruneEngine.self).contains("PruneEngine"))
}
