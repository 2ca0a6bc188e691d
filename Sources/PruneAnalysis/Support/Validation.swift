/// Input checks shared by the analysis functions.
enum Validation {
  /// Throws unless `values` has at least `minimum` elements, all finite.
  static func requireFinite(
    _ values: [Double], minimum: Int, function: String
  ) throws(PruneAnalysisError) {
    guard values.count >= minimum else {
      throw .tooFewValues(function: function, count: values.count, minimum: minimum)
    }
    for (index, value) in values.enumerated() where !value.isFinite {
      throw .nonFiniteValue(function: function, index: index, value: value)
    }
  }

  /// Throws unless both series have equal length, at least `minimum` elements, all finite.
  static func requirePaired(
    _ first: [Double], _ second: [Double], minimum: Int, function: String
  ) throws(PruneAnalysisError) {
    guard first.count == second.count else {
      throw .lengthMismatch(function: function, first: first.count, second: second.count)
    }
    try requireFinite(first, minimum: minimum, function: function)
    try requireFinite(second, minimum: minimum, function: function)
  }

  /// Throws unless `value` lies in the closed or half-open range described by `allowed`.
  static func require(
    _ condition: Bool, parameter: String, value: Double, allowed: String
  ) throws(PruneAnalysisError) {
    guard condition else { throw .outOfRange(parameter: parameter, value: value, allowed: allowed) }
  }
}
