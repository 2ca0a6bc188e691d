/// The rule options of a command line, in the order given: `--prune-ratio 0.3 --rescale`.
///
/// Only names and texts live here; what each option means, its default and its range are the
/// rule configurations' declarations (``Parameter``), which read the texts when
/// ``RuleCatalog/makeRule(named:options:setup:)`` builds the rule. An option given twice takes its
/// last value. The words as written are kept, so a manifest stores the command line as typed and
/// parsing it back gives the same options.
public struct RuleOptions: Sendable, Hashable {
  /// One option and its value as text.
  public struct Assignment: Sendable, Hashable {
    /// The command-line name without `--`.
    public let name: String
    public let value: String
  }

  /// The options, in order.
  public private(set) var assignments: [Assignment] = []
  /// The command-line words of the options, as written.
  public private(set) var arguments: [String] = []

  public init() {}

  /// The names of the options that are set, first occurrence order.
  public var setNames: [String] {
    var seen = Set<String>()
    return assignments.map(\.name).filter { seen.insert($0).inserted }
  }

  /// The text of option `name` (its last value), or nil.
  public func value(of name: String) -> String? {
    assignments.last { $0.name == name }?.value
  }

  /// True when option `name` has a value.
  public func isSet(_ name: String) -> Bool { value(of: name) != nil }

  /// Sets option `option` (a command-line name such as `prune-ratio`) from its text.
  ///
  /// Range checks are left to the rule configurations; this checks that some rule declares the
  /// option and that the text reads as its kind.
  /// - Throws: ``PruneCoreError/invalidOptionValue(option:value:expected:)`` for an unknown
  ///   option name or a value that is not a number, an integer, a boolean or one of the choices.
  public mutating func setValue(_ text: String, forOption option: String) throws {
    try append(option, text, words: ["--" + option, text])
  }

  /// Reads rule options as written after the command's own: `--name value`, `--name=value`,
  /// a switch alone (`--rescale`, true) or negated (`--no-rescale`, false).
  ///
  /// - Throws: ``PruneCoreError/malformedOption(argument:reason:)`` for a value without an
  ///   option; ``PruneCoreError/unknownOption(argument:)`` for a name no rule declares;
  ///   ``PruneCoreError/invalidOptionValue(option:value:expected:)`` for an unreadable value.
  public static func parse(_ arguments: [String]) throws -> RuleOptions {
    var options = RuleOptions()
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("--"), argument.count > 2 else {
        throw PruneCoreError.malformedOption(
          argument: argument, reason: "a value without an option before it")
      }
      var name = String(argument.dropFirst(2))
      var words = [argument]
      let value: String
      if let equals = name.firstIndex(of: "=") {
        value = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      } else if name.hasPrefix("no-"), RuleCatalog.kind(ofOption: name) == nil,
        RuleCatalog.kind(ofOption: String(name.dropFirst(3))) == .flag
      {
        name = String(name.dropFirst(3))
        value = "false"
      } else if index < arguments.count, !arguments[index].hasPrefix("--") {
        value = arguments[index]
        words.append(value)
        index += 1
      } else {
        value = "true"
      }
      guard RuleCatalog.kind(ofOption: name) != nil else {
        throw PruneCoreError.unknownOption(argument: "--" + name)
      }
      try options.append(name, value, words: words)
    }
    return options
  }

  private mutating func append(_ name: String, _ value: String, words: [String]) throws {
    guard let kind = RuleCatalog.kind(ofOption: name) else {
      throw PruneCoreError.invalidOptionValue(
        option: name, value: value,
        expected: "a known option: " + RuleCatalog.optionNames.joined(separator: ", "))
    }
    try kind.validate(value, option: name)
    assignments.append(Assignment(name: name, value: value))
    arguments += words
  }
}
