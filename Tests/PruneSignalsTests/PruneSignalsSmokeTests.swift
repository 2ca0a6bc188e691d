import Testing
@testable import PruneSignals

@Test func PruneSignalsModuleLoads() {
  #expect(String(describing: PruneSignals.self).contains("PruneSignals"))
}
