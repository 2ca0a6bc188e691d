/// One cell of a tidy CSV table.
///
/// Numbers are printed the same way on every machine and in every locale, and they read back
/// to the same value: a `Double` uses Swift's shortest round-trip `description` (`0.1`, `1e-05`,
/// `2.5`), with `NaN`, `Inf` and `-Inf` for the non-finite values (the spellings R, pandas and
/// `Double(_:)` all read). A missing value is an empty field.
public enum CSVValue: Sendable, Hashable {
  case string(String)
  case integer(Int)
  case number(Double)
  case boolean(Bool)
  case missing

  /// The cell's text before quoting: `1.5`, `NaN`, `true`, or the string itself.
  public var text: String {
    switch self {
    case .string(let value): return value
    case .integer(let value): return String(value)
    case .number(let value): return CSVValue.format(value)
    case .boolean(let value): return value ? "true" : "false"
    case .missing: return ""
    }
  }

  /// The cell as it appears in the file: ``text``, quoted when it must be.
  public var field: String {
    CSVValue.quotedIfNeeded(text)
  }

  /// Formats a number deterministically and round-trippably (see the type's discussion).
  public static func format(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
    return value.description
  }

  /// Quotes `text` (RFC 4180) when it holds a comma, a double quote, a line break, or leading or
  /// trailing spaces; doubles the quotes inside.
  public static func quotedIfNeeded(_ text: String) -> String {
    let needsQuotes =
      text.contains { $0 == "," || $0 == "\"" || $0.isNewline }
      || text.first == " " || text.last == " "
    guard needsQuotes else { return text }
    var quoted = "\""
    for character in text {
      if character == "\"" { quoted.append("\"") }
      quoted.append(character)
    }
    quoted.append("\"")
    return quoted
  }
}

extension CSVValue {
  /// A number cell; `nil` becomes ``missing``.
  public init(_ value: Double?) {
    self = value.map(CSVValue.number) ?? .missing
  }

  /// An integer cell; `nil` becomes ``missing``.
  public init(_ value: Int?) {
    self = value.map(CSVValue.integer) ?? .missing
  }

  /// A string cell.
  public init(_ value: String) {
    self = .string(value)
  }
}

extension CSVValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .integer(value) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(booleanLiteral value: Bool) { self = .boolean(value) }
  public init(nilLiteral: ()) { self = .missing }
}
