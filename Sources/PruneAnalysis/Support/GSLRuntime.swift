import CGSL

/// The process-wide GSL set-up: the abort-on-error handler is switched off exactly once.
///
/// GSL's default error handler calls `abort()` (toolchain-notes §7.4). Every entry point of
/// this module that calls GSL first touches ``ensureReady()``; a Swift `static let` is
/// initialised once, thread-safely (`swift_once`), so the switch happens once per process.
enum GSLRuntime {
  private static let handlerSwitchedOff: Bool = {
    _ = gsl_set_error_handler_off()
    return true
  }()

  /// Switches GSL's abort handler off on first use; afterwards a no-op.
  @inline(__always)
  static func ensureReady() {
    _ = handlerSwitchedOff
  }

  /// Maps a GSL status code to an error (`GSL_SUCCESS` passes).
  ///
  /// - Throws: ``PruneAnalysisError/gsl(function:status:message:)`` naming `gsl_strerror`'s text.
  static func check(_ status: Int32, function: String) throws(PruneAnalysisError) {
    guard status != Int32(GSL_SUCCESS) else { return }
    throw .gsl(function: function, status: status, message: message(for: status))
  }

  /// GSL's own text for a status code.
  static func message(for status: Int32) -> String {
    guard let text = gsl_strerror(status) else { return "unknown status" }
    return String(cString: text)
  }

  /// Turns a NaN that a GSL function returned (its way to report a domain error when the
  /// handler is off) into an error.
  static func checked(_ value: Double, function: String) throws(PruneAnalysisError) -> Double {
    guard !value.isNaN else {
      throw .gsl(
        function: function, status: Int32(GSL_EDOM), message: message(for: Int32(GSL_EDOM)))
    }
    return value
  }
}
