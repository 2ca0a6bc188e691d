/// What text a rule option reads: a number, an integer, a switch or one of named choices.
public enum ParameterKind: Sendable, Hashable {
  case number
  /// A number or `none` (the setting is off).
  case optionalNumber
  case integer
  case flag
  case choice([String])

  /// Checks that `text` reads as this kind.
  /// - Throws: ``PruneCoreError/invalidOptionValue(option:value:expected:)`` naming the option.
  public func validate(_ text: String, option: String) throws {
    switch self {
    case .number: _ = try Self.number(text, option: option)
    case .optionalNumber: _ = try Self.optionalNumber(text, option: option)
    case .integer: _ = try Self.integer(text, option: option)
    case .flag: _ = try Self.flag(text, option: option)
    case .choice(let names): _ = try Self.choice(text, of: names, option: option)
    }
  }

  static func number(_ text: String, option: String) throws -> Double {
    guard let value = Double(text) else { throw invalid(text, option, "a number") }
    return value
  }

  static func optionalNumber(_ text: String, option: String) throws -> Double? {
    guard text != "none" else { return nil }
    guard let value = Double(text) else { throw invalid(text, option, "a number or none") }
    return value
  }

  static func integer(_ text: String, option: String) throws -> Int {
    guard let value = Int(text) else { throw invalid(text, option, "an integer") }
    return value
  }

  /// `true`, `yes`, `1` or `false`, `no`, `0`.
  static func flag(_ text: String, option: String) throws -> Bool {
    switch text {
    case "true", "yes", "1": return true
    case "false", "no", "0": return false
    default: throw invalid(text, option, "true or false")
    }
  }

  static func choice(_ text: String, of names: [String], option: String) throws -> String {
    guard names.contains(text) else {
      throw invalid(text, option, "one of " + names.joined(separator: ", "))
    }
    return text
  }

  private static func invalid(_ text: String, _ option: String, _ expected: String)
    -> PruneCoreError
  {
    PruneCoreError.invalidOptionValue(option: option, value: text, expected: expected)
  }
}
