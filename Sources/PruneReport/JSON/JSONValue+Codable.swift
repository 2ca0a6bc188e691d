import Foundation

/// Conversion between `JSONValue` and `Codable` values or JSON text.
extension JSONValue: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .integer(value)
    } else if let value = try? container.decode(UInt64.self) {
      self = .unsignedInteger(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .integer(let value): try container.encode(value)
    case .unsignedInteger(let value): try container.encode(value)
    case .number(let value):
      if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// The JSON form of any `Encodable` value, e.g. a rule's configuration for a manifest.
  ///
  /// - Throws: ``PruneReportError/invalidJSON(what:reason:)`` when the value does not encode
  ///   (for example a non-finite `Double`).
  public init(encoding value: some Encodable) throws {
    do {
      let data = try JSONEncoder().encode(value)
      self = try JSONDecoder().decode(JSONValue.self, from: data)
    } catch {
      throw PruneReportError.invalidJSON(
        what: String(describing: type(of: value)), reason: String(describing: error))
    }
  }

  /// Reads JSON text.
  ///
  /// - Throws: ``PruneReportError/invalidJSON(what:reason:)`` naming the problem.
  public init(parsing text: String) throws {
    do {
      self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    } catch {
      throw PruneReportError.invalidJSON(what: "the text", reason: String(describing: error))
    }
  }
}
