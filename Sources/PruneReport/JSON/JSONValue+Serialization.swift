/// Deterministic JSON text.
extension JSONValue {
  /// The JSON text of the value, ending with a line break when `pretty`.
  ///
  /// Pretty output indents by two spaces, puts one member or element per line, but keeps an
  /// array whose elements are all scalars on one line (`[0.1, 0.2]`) so number series stay
  /// readable. Keys are sorted by their UTF-8 bytes; strings escape `"`, `\` and control
  /// characters; other characters are written as UTF-8.
  public func serialized(pretty: Bool = true) -> String {
    var output = ""
    write(into: &output, indent: pretty ? 0 : nil)
    if pretty { output.append("\n") }
    return output
  }

  /// How a `Double` is written: shortest round-trip digits, `null` for NaN and infinities.
  public static func format(_ value: Double) -> String {
    value.isFinite ? value.description : "null"
  }

  /// Writes `text` as a JSON string literal.
  public static func quoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: false)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
    return output
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  /// Appends the value; `indent` is the current depth, or `nil` for compact output.
  private func write(into output: inout String, indent: Int?) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .integer(let value): output += String(value)
    case .unsignedInteger(let value): output += String(value)
    case .number(let value): output += JSONValue.format(value)
    case .string(let value): output += JSONValue.quoted(value)
    case .array(let elements):
      if elements.isEmpty {
        output += "[]"
      } else if indent == nil || elements.allSatisfy(\.isScalar) {
        output += "["
        for (index, element) in elements.enumerated() {
          if index > 0 { output += indent == nil ? "," : ", " }
          element.write(into: &output, indent: nil)
        }
        output += "]"
      } else if let depth = indent {
        output += "["
        for (index, element) in elements.enumerated() {
          output += (index > 0 ? ",\n" : "\n") + JSONValue.spaces(depth + 1)
          element.write(into: &output, indent: depth + 1)
        }
        output += "\n" + JSONValue.spaces(depth) + "]"
      }
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      output += "{"
      for (index, key) in keys.enumerated() {
        guard let member = members[key] else { continue }
        if let depth = indent {
          output += (index > 0 ? ",\n" : "\n") + JSONValue.spaces(depth + 1)
          output += JSONValue.quoted(key) + ": "
          member.write(into: &output, indent: depth + 1)
        } else {
          output += (index > 0 ? "," : "") + JSONValue.quoted(key) + ":"
          member.write(into: &output, indent: nil)
        }
      }
      if let depth = indent { output += "\n" + JSONValue.spaces(depth) }
      output += "}"
    }
  }

  private static func spaces(_ depth: Int) -> String {
    String(repeating: " ", count: 2 * depth)
  }
}
