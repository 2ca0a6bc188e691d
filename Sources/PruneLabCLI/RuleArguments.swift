import PruneCore

/// Turns the rule options left over by the argument parser (`--prune-ratio 0.3`, `--rescale`,
/// `--no-rescale`, `--alpha=0.7`) into ``RuleOptions``.
///
/// The options are not declared one by one in `simulate`: their names, defaults and ranges come
/// from ``RuleCatalog``, so a rule added there is usable at once. ``RuleOptions/setValue(_:forOption:)``
/// reads each value; the rule's configuration checks its range when the rule is built.
enum RuleArguments {
  /// - Throws: ``PruneLabCLIError/malformedRuleOption(argument:reason:)`` for a stray value;
  ///   ``PruneCoreError/invalidOptionValue(option:value:expected:)`` for an unknown option or
  ///   an unreadable value.
  static func parse(_ arguments: [String]) throws -> RuleOptions {
    var options = RuleOptions()
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("--"), argument.count > 2 else {
        throw PruneLabCLIError.malformedRuleOption(
          argument: argument, reason: "a value without an option before it")
      }
      var name = String(argument.dropFirst(2))
      var value: String
      if let equals = name.firstIndex(of: "=") {
        value = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      } else if name.hasPrefix("no-"), RuleOptions.Name(rawValue: name) == nil,
        RuleOptions.Name(rawValue: String(name.dropFirst(3))) != nil
      {
        name = String(name.dropFirst(3))
        value = "false"
      } else if index < arguments.count, !arguments[index].hasPrefix("--") {
        value = arguments[index]
        index += 1
      } else {
        value = "true"
      }
      guard RuleOptions.Name(rawValue: name) != nil else {
        throw PruneLabCLIError.unknownOption(argument: "--" + name)
      }
      try options.setValue(value, forOption: name)
    }
    return options
  }
}
