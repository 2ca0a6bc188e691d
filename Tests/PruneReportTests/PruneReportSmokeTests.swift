import Testing
@testable import PruneReport

@Test func PruneReportModuleLoads() {
  #expect(String(describing: PruneReport.self).contains("PruneReport"))
}
