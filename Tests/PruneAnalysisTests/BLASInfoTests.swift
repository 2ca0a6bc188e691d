import Foundation
import Testing

@testable import PruneAnalysis

@Suite struct BLASInfoTests {
  /// toolchain-notes §3: with libgsl loaded, cblas_sgemm must still bind to OpenBLAS.
  @Test func cblasIsOpenBLAS() {
    #expect(BLASInfo.isOpenBLAS)
    #expect(!BLASInfo.isGSLReferenceCBLAS)
    #expect(BLASInfo.openBLASConfiguration.contains("OpenBLAS"))
    #expect(BLASInfo.openBLASThreadCount >= 1)
  }

  /// The kernel name is what `OPENBLAS_CORETYPE` pins when it is set (scripts/reproduce sets it).
  @Test func coreNameFollowsTheEnvironment() {
    let name = BLASInfo.openBLASCoreName
    #expect(!name.isEmpty)
    #expect(BLASInfo.usesReproducibleCore == (name.lowercased() == "haswell"))
    if let pinned = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"], !pinned.isEmpty {
      #expect(name.lowercased() == pinned.lowercased())
    }
  }
}
