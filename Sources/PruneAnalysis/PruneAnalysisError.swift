/// Errors of the analysis functions: each names the function, the value and the fix.
public enum PruneAnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Fewer values than the statistic needs (a variance needs two, a correlation three).
  case tooFewValues(function: String, count: Int, minimum: Int)
  /// Two series that must pair up element by element have different lengths.
  case lengthMismatch(function: String, first: Int, second: Int)
  /// A NaN or infinite input value.
  case nonFiniteValue(function: String, index: Int, value: Double)
  /// A parameter outside its allowed range (NaN included).
  case outOfRange(parameter: String, value: Double, allowed: String)
  /// A statistic that is undefined for this input (for example a correlation of a constant).
  case undefined(function: String, reason: String)
  /// A GSL call that reported a status code other than `GSL_SUCCESS` (or returned NaN).
  case gsl(function: String, status: Int32, message: String)
  /// FFTW could not make a plan.
  case fftwPlanFailed(length: Int, kind: String)

  public var description: String {
    switch self {
    case .tooFewValues(let function, let count, let minimum):
      return "\(function) got \(count) values but needs at least \(minimum); pass more values."
    case .lengthMismatch(let function, let first, let second):
      return "\(function) pairs two series element by element, but their lengths are \(first) "
        + "and \(second); pass series of equal length."
    case .nonFiniteValue(let function, let index, let value):
      return "\(function): value \(index) is \(value); every value must be finite, so drop or "
        + "repair it first."
    case .outOfRange(let parameter, let value, let allowed):
      return "\(parameter) = \(value) is outside \(allowed); pass a value in that range."
    case .undefined(let function, let reason):
      return "\(function) is undefined here: \(reason)"
    case .gsl(let function, let status, let message):
      return "GSL function \(function) failed with status \(status) (\(message)); check its "
        + "arguments against the GSL manual."
    case .fftwPlanFailed(let length, let kind):
      return "FFTW could not plan a \(kind) transform of length \(length); use a length >= 1."
    }
  }
}
