/// Writing and reading the numbers of PruneLab's CSV logs, without locale and without allocation
/// per integer.
enum CSVNumbers {
  /// Appends the decimal digits of `value`.
  static func append(_ value: Int, to out: inout [UInt8]) {
    if value < 0 {
      out.append(UInt8(ascii: "-"))
      append(UInt(value.magnitude), to: &out)
    } else {
      append(UInt(value), to: &out)
    }
  }

  private static func append(_ value: UInt, to out: inout [UInt8]) {
    if value >= 10 { append(value / 10, to: &out) }
    out.append(UInt8(ascii: "0") + UInt8(value % 10))
  }

  /// Appends Swift's shortest round-trip form of `value` (`0.25`, `1e-05`, `2.302585092994046`).
  static func append(_ value: Double, to out: inout [UInt8]) {
    out.append(contentsOf: value.description.utf8)
  }

  /// Parses a non-negative decimal integer (digits only, at most 18 of them); nil otherwise.
  static func parseIndex(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !field.isEmpty, field.count <= 18 else { return nil }
    var value = 0
    for byte in field {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// True when `field` is an optionally signed decimal integer (so a negative index can be told
  /// apart from garbage).
  static func isSignedInteger(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    var digits = field[...]
    if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      digits = digits.dropFirst()
    }
    return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// Parses a floating-point field (`Double`'s own grammar, which accepts `nan` and `inf`: the
  /// caller rejects those separately with a clearer message).
  static func parseDouble(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !field.isEmpty, field.count < 64 else { return nil }
    return Double(String(decoding: field, as: UTF8.self))
  }
}
