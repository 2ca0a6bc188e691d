/// One parameter of a rule configuration, declared once: its command-line name, the property it
/// sets, the allowed values and one line of help. Its default is the configuration's `.standard`.
///
/// Everything else is derived from the declaration (ARCHITECTURE.md "Parameters"): the listing of
/// `prunelab rules`, reading `--name value`, the range check of the configuration's init, the
/// manifest entry, and the settings a sweep may vary.
/// ```
/// .number("prune-ratio", \.pruneRatio, in: .closedOpen(0, 1),
///         help: "Share r of the below-mean candidates pruned.")
/// ```
public struct Parameter<Configuration: Sendable>: Sendable {
  /// The command-line name, without `--` (`prune-ratio`).
  public let name: String
  /// The name in manifests and error messages (`pruneRatio`): the camel-cased command-line name
  /// unless the declaration says otherwise.
  public let key: String
  /// What a value must be, as `prunelab rules` lists it (`[0, 1)`, `exact-count | bernoulli`).
  public let allowed: String
  /// One line of help.
  public let help: String
  /// What kind of text the option reads.
  public let kind: ParameterKind
  /// The value in `configuration`, as text (`"0.5"`, `"none"`).
  let text: @Sendable (Configuration) -> String
  /// Reads `text` into the property.
  let assign: @Sendable (inout Configuration, String) throws -> Void
  /// Checks the property's range.
  let check: @Sendable (Configuration) throws -> Void

  /// The value in `configuration`, as manifests and `prunelab rules` show it.
  public func value(in configuration: Configuration) -> String { text(configuration) }

  /// The text of the default (the value in ``RuleConfiguration/standard``).
  public func defaultValue() -> String where Configuration: RuleConfiguration {
    text(Configuration.standard)
  }

  init(
    name: String, key: String?, allowed: String, help: String, kind: ParameterKind,
    text: @escaping @Sendable (Configuration) -> String,
    assign: @escaping @Sendable (inout Configuration, String) throws -> Void,
    check: @escaping @Sendable (Configuration) throws -> Void = { _ in }
  ) {
    self.name = name
    self.key = key ?? Self.camelCased(name)
    self.allowed = allowed
    self.help = help
    self.kind = kind
    self.text = text
    self.assign = assign
    self.check = check
  }

  /// `prune-first-epoch` -> `pruneFirstEpoch`.
  static func camelCased(_ name: String) -> String {
    let words = name.split(separator: "-")
    return words.enumerated().map { offset, word in
      offset == 0 ? String(word) : word.prefix(1).uppercased() + word.dropFirst()
    }.joined()
  }
}

extension Parameter {
  /// A real number in `range`; `note` is added to the listing (`(acts as 0.9 above 0.9)`),
  /// `listing` replaces it where another parameter bounds the value.
  static func number(
    _ name: String, _ property: WritableKeyPath<Configuration, Double> & Sendable,
    in range: NumberRange, key: String? = nil, note: String? = nil, listing: String? = nil,
    help: String
  ) -> Self {
    let key = key ?? camelCased(name)
    return Self(
      name: name, key: key, allowed: listing ?? range.listing(note: note), help: help,
      kind: .number, text: { "\($0[keyPath: property])" },
      assign: { $0[keyPath: property] = try ParameterKind.number($1, option: name) },
      check: { try range.check($0[keyPath: property], parameter: key) })
  }

  /// A real number in `range`, or none (`nil`, listed as `none`).
  static func optionalNumber(
    _ name: String, _ property: WritableKeyPath<Configuration, Double?> & Sendable,
    in range: NumberRange, key: String? = nil, help: String
  ) -> Self {
    let key = key ?? camelCased(name)
    return Self(
      name: name, key: key, allowed: range.listing(note: nil), help: help,
      kind: .optionalNumber, text: { $0[keyPath: property].map { "\($0)" } ?? "none" },
      assign: { $0[keyPath: property] = try ParameterKind.optionalNumber($1, option: name) },
      check: { configuration in
        if let value = configuration[keyPath: property] {
          try range.check(value, parameter: key)
        }
      })
  }

  /// An integer of at least `minimum`.
  static func integer(
    _ name: String, _ property: WritableKeyPath<Configuration, Int> & Sendable,
    atLeast minimum: Int, key: String? = nil, help: String
  ) -> Self {
    let key = key ?? camelCased(name)
    return Self(
      name: name, key: key, allowed: "integers >= \(minimum)", help: help, kind: .integer,
      text: { "\($0[keyPath: property])" },
      assign: { $0[keyPath: property] = try ParameterKind.integer($1, option: name) },
      check: { configuration in
        let value = configuration[keyPath: property]
        guard value >= minimum else {
          throw PruneCoreError.outOfRange(
            parameter: key, value: Double(value), allowed: "an integer >= \(minimum)")
        }
      })
  }

  /// A switch: `--name`, `--no-name`, `--name true|false`.
  static func flag(
    _ name: String, _ property: WritableKeyPath<Configuration, Bool> & Sendable,
    key: String? = nil, help: String
  ) -> Self {
    Self(
      name: name, key: key, allowed: "true | false", help: help, kind: .flag,
      text: { "\($0[keyPath: property])" },
      assign: { $0[keyPath: property] = try ParameterKind.flag($1, option: name) })
  }

  /// One of the cases of `Choice`, by raw value.
  static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
    _ name: String, _ property: WritableKeyPath<Configuration, Choice> & Sendable,
    key: String? = nil, help: String
  ) -> Self where Choice.RawValue == String {
    let names = Choice.allCases.map(\.rawValue)
    return Self(
      name: name, key: key, allowed: names.joined(separator: " | "), help: help,
      kind: .choice(names), text: { $0[keyPath: property].rawValue },
      assign: { configuration, text in
        guard let value = Choice(rawValue: try ParameterKind.choice(text, of: names, option: name))
        else { return }
        configuration[keyPath: property] = value
      })
  }
}
