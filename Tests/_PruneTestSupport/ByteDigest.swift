/// A 64-bit FNV-1a digest of integers and doubles (their bit patterns), for golden-value tests:
/// a speed-up must leave plans, scores and simulation results byte-identical (TEAM.md), and a
/// digest of everything a run produced, captured before the change, proves it after.
///
/// Not cryptographic: it guards against accidental change, not against an adversary.
public struct ByteDigest: Sendable, Hashable, CustomStringConvertible {
  public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

  public init() {}

  /// Mixes the 8 bytes of `word`, lowest first.
  public mutating func add(_ word: UInt64) {
    var w = word
    for _ in 0..<8 {
      value = (value ^ (w & 0xFF)) &* 0x0000_0100_0000_01B3
      w >>= 8
    }
  }

  public mutating func add(_ integer: Int) { add(UInt64(bitPattern: Int64(integer))) }
  public mutating func add(_ number: Double) { add(number.bitPattern) }
  /// A missing value mixes a marker no finite double's pattern takes in these tests.
  public mutating func add(_ number: Double?) { add(number?.bitPattern ?? 0x7FF8_DEAD_BEEF_0001) }
  public mutating func add(_ flag: Bool) { add(flag ? 1 : 0) }

  /// The count, then every element.
  public mutating func add(_ integers: [Int]) {
    add(integers.count)
    for x in integers { add(x) }
  }

  /// The count, then every element's bit pattern.
  public mutating func add(_ numbers: [Double]) {
    add(numbers.count)
    for x in numbers { add(x) }
  }

  public mutating func add(_ text: String) {
    add(text.utf8.count)
    for byte in text.utf8 { add(UInt64(byte)) }
  }

  /// Sixteen hexadecimal digits.
  public var description: String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
