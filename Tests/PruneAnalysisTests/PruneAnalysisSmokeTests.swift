import Testing
@testable import PruneAnalysis

@Test func PruneAnalysisModuleLoads() {
  #expect(String(describing: PruneAnalysis.self).contains("PruneAnalysis"))
}
