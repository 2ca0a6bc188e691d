import CGSL
import Testing

@testable import PruneAnalysis

@Suite struct GSLRuntimeTests {
  /// With GSL's default handler a length mismatch in gsl_blas_ddot would abort the process; after
  /// `ensureReady()` it returns GSL_EBADLEN, which maps to `.gsl` with GSL's own text.
  @Test func errorsComeBackAsStatusCodesAndMapToErrors() throws {
    GSLRuntime.ensureReady()
    let x = try #require(gsl_vector_calloc(3))
    let y = try #require(gsl_vector_calloc(4))
    defer {
      gsl_vector_free(x)
      gsl_vector_free(y)
    }
    var result = 0.0
    let status = gsl_blas_ddot(x, y, &result)
    #expect(status == Int32(GSL_EBADLEN))
    let error = try #require(
      #expect(throws: PruneAnalysisError.self) {
        try GSLRuntime.check(status, function: "gsl_blas_ddot")
      })
    #expect(error == .gsl(function: "gsl_blas_ddot", status: status,
      message: GSLRuntime.message(for: status)))
    #expect(!GSLRuntime.message(for: status).isEmpty)
    #expect(throws: Never.self) { try GSLRuntime.check(Int32(GSL_SUCCESS), function: "none") }
    #expect(throws: PruneAnalysisError.self) { try GSLRuntime.checked(.nan, function: "f") }
  }
}
