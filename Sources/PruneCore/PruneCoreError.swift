/// Errors of the rules: each names the value, the allowed range and the fix.
public enum PruneCoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A parameter outside its allowed range (NaN included).
  case outOfRange(parameter: String, value: Double, allowed: String)
  /// Two parameters that contradict each other.
  case inconsistent(parameters: String, reason: String)
  /// A training set without samples.
  case emptyDataset
  /// A loss or statistic that is NaN or infinite.
  case nonFiniteSignal(signal: String, epoch: Int, sample: Int, value: Double)
  /// The loop reported a signal the rule needs, but not with this batch.
  case missingSignal(rule: String, signal: String)
  /// The loop reported a batch that is not part of the current plan.
  case unexpectedBatch(epoch: Int, detail: String)
  /// A checkpoint that does not fit the rule it is restored into.
  case incompatibleState(reason: String)
  /// A rule name the catalog does not know (``RuleCatalog``).
  case unknownRule(name: String, validNames: [String])
  /// An option given to a rule it does not apply to.
  case inapplicableOption(option: String, rule: String, validOptions: [String])
  /// An option value that could not be read (not a number, not one of the named choices).
  case invalidOptionValue(option: String, value: String, expected: String)
  /// A rule option written in a way that cannot be read (``RuleOptions/parse(_:)``).
  case malformedOption(argument: String, reason: String)
  /// An option that is neither the command's nor any rule's option.
  case unknownOption(argument: String)

  public var description: String {
    switch self {
    case .outOfRange(let parameter, let value, let allowed):
      let shown = PruneCoreError.display(value)
      if allowed.hasPrefix("[") || allowed.hasPrefix("(") {
        return "\(parameter) = \(shown) is outside \(allowed); pass a value in that range."
      }
      return "\(parameter) = \(shown) is not allowed: it must be \(allowed)."
    case .inconsistent(let parameters, let reason):
      return "\(parameters): \(reason)"
    case .emptyDataset:
      return "the training set has no samples; pass at least one sample."
    case .nonFiniteSignal(let signal, let epoch, let sample, let value):
      return "\(signal) of sample \(sample) in epoch \(epoch) is \(value); every \(signal) must be "
        + "a finite number: check the log or the model for a diverged loss."
    case .missingSignal(let rule, let signal):
      return "rule \(rule) needs the \(signal) of every batch, but the loop did not report it; "
        + "use a signal source that provides it."
    case .unexpectedBatch(let epoch, let detail):
      return "epoch \(epoch): \(detail)"
    case .incompatibleState(let reason):
      return "cannot restore the rule's state: \(reason)"
    case .unknownRule(let name, let validNames):
      return "unknown rule '\(name)'; valid rules: \(validNames.joined(separator: ", "))."
    case .inapplicableOption(let option, let rule, let validOptions):
      let valid = validOptions.isEmpty ? "none" : validOptions.joined(separator: ", ")
      return "option \(option) does not apply to rule \(rule); its options: \(valid)."
    case .invalidOptionValue(let option, let value, let expected):
      return "\(option) = '\(value)' cannot be read; expected \(expected)."
    case .malformedOption(let argument, let reason):
      return "cannot read the rule option \"\(argument)\": \(reason); write rule options as "
        + "--name value (see `prunelab rules` for every rule's options)."
    case .unknownOption(let argument):
      return "\(argument) is neither an option of this command nor a rule option; see the "
        + "command's --help (`prunelab simulate --help`, `prunelab train --help`) and "
        + "`prunelab rules` for the options."
    }
  }

  /// A value as the user typed it: counts without a trailing ".0".
  private static func display(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      return String(Int(value))
    }
    return "\(value)"
  }
}
