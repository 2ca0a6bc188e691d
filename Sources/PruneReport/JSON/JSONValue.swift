/// A JSON document as a plain value, for `summary.json` and `manifest.json`.
///
/// Written by ``serialized(pretty:)`` deterministically: object keys sorted by their UTF-8 bytes,
/// numbers in Swift's shortest round-trip form, so the same value gives the same bytes on every
/// machine and run.
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case integer(Int)
  /// An unsigned integer above `Int.max` (e.g. a 64-bit seed); smaller ones use ``integer(_:)``.
  case unsignedInteger(UInt64)
  /// A floating-point number; NaN and infinities are written as `null` (JSON has no spelling).
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])
}

extension JSONValue {
  /// A number.
  public init(_ value: Double) { self = .number(value) }
  /// An integer.
  public init(_ value: Int) { self = .integer(value) }
  /// An unsigned integer, as ``integer(_:)`` when it fits in `Int`.
  public init(_ value: UInt64) {
    self = value <= UInt64(Int.max) ? .integer(Int(value)) : .unsignedInteger(value)
  }
  /// A string.
  public init(_ value: String) { self = .string(value) }
  /// A Boolean.
  public init(_ value: Bool) { self = .bool(value) }
  /// An array of numbers.
  public init(_ values: [Double]) { self = .array(values.map(JSONValue.number)) }

  /// The member `key` of an object, or `nil` (also for non-objects).
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members[key]
  }

  /// The value as a `Double` when it is a number or an integer.
  public var doubleValue: Double? {
    switch self {
    case .number(let value): return value
    case .integer(let value): return Double(value)
    case .unsignedInteger(let value): return Double(value)
    default: return nil
    }
  }

  /// The value as an `Int` when it is an integer that fits.
  public var intValue: Int? {
    switch self {
    case .integer(let value): return value
    case .unsignedInteger(let value): return value <= UInt64(Int.max) ? Int(value) : nil
    default: return nil
    }
  }

  /// The string, when the value is one.
  public var stringValue: String? {
    guard case .string(let value) = self else { return nil }
    return value
  }

  /// The elements, when the value is an array.
  public var arrayValue: [JSONValue]? {
    guard case .array(let value) = self else { return nil }
    return value
  }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .integer(value) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  /// A later duplicate key replaces an earlier one.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
