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
}
