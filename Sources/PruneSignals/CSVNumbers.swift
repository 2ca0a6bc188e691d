#if canImport(Glibc)
import Glibc
#endif

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
  ///
  /// Fast path (Clinger 1990): a plain decimal whose digits fit in 2^53 and whose power of ten
  /// is at most 22 in size is one correctly rounded multiplication or division, the value
  /// `Double(String)` gives. Other plain decimals go to the C library's `strtod` without building a
  /// String, anything else (`nan`, `inf`, hexadecimal) to `Double(String)` itself.
  static func parseDouble(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !field.isEmpty, field.count < 64 else { return nil }
    if let value = parseShortDecimal(field) { return value }
    if field.allSatisfy(isDecimalByte) {
      return withUnsafeTemporaryAllocation(of: CChar.self, capacity: field.count + 1) { text in
        for k in 0..<field.count { text[k] = CChar(bitPattern: field[k]) }
        text[field.count] = 0
        var end: UnsafeMutablePointer<CChar>? = nil
        let value = strtod(text.baseAddress!, &end)
        return end == text.baseAddress! + field.count ? value : nil
      }
    }
    return Double(String(decoding: field, as: UTF8.self))
  }

  @inline(__always)
  private static func isDecimalByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
      || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "+")
  }

  /// 10^0 ... 10^22, each exact in a Double.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// `[+-]digits[.digits][(e|E)[+-]digits]` when exact by Clinger's fast path; nil otherwise
  /// (the caller then parses it the slow way).
  static func parseShortDecimal(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
    let n = field.count
    var i = 0
    var negative = false
    if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") {
      negative = field[0] == UInt8(ascii: "-")
      i = 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var exponent = 0
    var sawDigit = false
    var sawDot = false
    while i < n {
      let byte = field[i]
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        let digit = UInt64(byte &- UInt8(ascii: "0"))
        sawDigit = true
        if mantissa != 0 || digit != 0 {
          guard digits < 19 else { return nil }
          mantissa = mantissa &* 10 &+ digit
          digits += 1
        }
        if sawDot { exponent -= 1 }
      } else if byte == UInt8(ascii: ".") {
        guard !sawDot else { return nil }
        sawDot = true
      } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        break
      } else {
        return nil
      }
      i += 1
    }
    guard sawDigit else { return nil }
    if i < n {
      // The exponent: an optional sign and one to four digits.
      i += 1
      var exponentNegative = false
      if i < n, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") {
        exponentNegative = field[i] == UInt8(ascii: "-")
        i += 1
      }
      guard i < n, n - i <= 4 else { return nil }
      var value = 0
      while i < n {
        let byte = field[i]
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte &- UInt8(ascii: "0"))
        i += 1
      }
      exponent += exponentNegative ? -value : value
    }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
    let m = Double(mantissa)
    let value = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
    return negative ? -value : value
  }
}
