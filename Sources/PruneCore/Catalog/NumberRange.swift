/// The allowed values of a real parameter: an interval, each end open or closed; an unbounded end
/// still requires a finite value. NaN is outside every range.
public struct NumberRange: Sendable, Hashable {
  let lower: Double?
  let includesLower: Bool
  let upper: Double?
  let includesUpper: Bool

  /// [a, b).
  public static func closedOpen(_ a: Double, _ b: Double) -> Self { Self(a, true, b, false) }
  /// [a, b].
  public static func closed(_ a: Double, _ b: Double) -> Self { Self(a, true, b, true) }
  /// (a, b].
  public static func openClosed(_ a: Double, _ b: Double) -> Self { Self(a, false, b, true) }
  /// [a, infinity), finite.
  public static func atLeast(_ a: Double) -> Self { Self(a, true, nil, false) }
  /// (a, infinity), finite.
  public static func above(_ a: Double) -> Self { Self(a, false, nil, false) }
  /// Any finite number.
  public static let finite = Self(nil, false, nil, false)

  private init(_ lower: Double?, _ includesLower: Bool, _ upper: Double?, _ includesUpper: Bool) {
    self.lower = lower
    self.includesLower = includesLower
    self.upper = upper
    self.includesUpper = includesUpper
  }

  /// True when `value` lies in the range.
  public func contains(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    if let lower, includesLower ? !(value >= lower) : !(value > lower) { return false }
    if let upper, includesUpper ? !(value <= upper) : !(value < upper) { return false }
    return true
  }

  /// `[0, 1)`, `(0, infinity)`, `a finite number`: the range in error messages.
  public var description: String {
    guard lower != nil || upper != nil else { return "a finite number" }
    let open = includesLower ? "[" : "("
    let close = includesUpper ? "]" : ")"
    return open + Self.show(lower, "-infinity") + ", " + Self.show(upper, "infinity") + close
  }

  /// The range as `prunelab rules` lists it, with an optional note.
  func listing(note: String?) -> String {
    let text = lower == nil && upper == nil ? "finite numbers" : description
    return note.map { text + " " + $0 } ?? text
  }

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` naming `parameter`.
  func check(_ value: Double, parameter: String) throws {
    guard contains(value) else {
      throw PruneCoreError.outOfRange(parameter: parameter, value: value, allowed: description)
    }
  }

  /// `0`, `1`, `1e-06`: integers without a trailing `.0`.
  private static func show(_ bound: Double?, _ unbounded: String) -> String {
    guard let bound else { return unbounded }
    if bound == bound.rounded(), abs(bound) < 1e15 { return String(Int(bound)) }
    return "\(bound)"
  }
}
