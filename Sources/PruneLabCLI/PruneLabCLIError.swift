/// Usage errors the command line finds itself (before any library call).
public enum PruneLabCLIError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A rule option written in a way that cannot be read.
  case malformedRuleOption(argument: String, reason: String)
  /// An option that is neither a `simulate` option nor any rule's option.
  case unknownOption(argument: String)
  /// A size given on the command line that disagrees with a replayed log.
  case disagreesWithLog(option: String, value: Int, log: String, logValue: Int)
  /// A replay needs a value the log does not hold.
  case needsOption(option: String, reason: String)

  public var description: String {
    switch self {
    case .malformedRuleOption(let argument, let reason):
      return "cannot read the rule option \"\(argument)\": \(reason); write rule options as "
        + "--name value (see `prunelab rules` for every rule's options)."
    case .unknownOption(let argument):
      return "\(argument) is neither a simulate option nor a rule option; see "
        + "`prunelab simulate --help` and `prunelab rules` for the options."
    case .disagreesWithLog(let option, let value, let log, let logValue):
      return "\(option) \(value) disagrees with \(log), which holds \(logValue); omit \(option) "
        + "when replaying: the log decides it."
    case .needsOption(let option, let reason):
      return "pass \(option): \(reason)."
    }
  }
}
