import Testing
@testable import MiniCNN

@Test func MiniCNNModuleLoads() {
  #expect(String(describing: MiniCNN.self).contains("MiniCNN"))
}
