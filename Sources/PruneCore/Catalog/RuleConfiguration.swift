/// A rule's (or a score's) settings whose parameters are declared once, in ``parameters``.
///
/// The defaults are ``standard``'s values; each declared range is checked by ``validated()``,
/// which every throwing init ends with, so a value set through a declaration is checked exactly
/// like one passed to the init.
public protocol RuleConfiguration: Sendable {
  /// The defaults (the official code's or the paper's settings).
  static var standard: Self { get }
  /// Every parameter, in listing order.
  static var parameters: [Parameter<Self>] { get }
  /// Checks that involve more than one parameter (each one's own range is declared).
  /// - Throws: ``PruneCoreError/inconsistent(parameters:reason:)``.
  func checkConsistency() throws
}

extension RuleConfiguration {
  public func checkConsistency() throws {}

  /// This configuration after checking every declared range, in declaration order, and then
  /// ``checkConsistency()``.
  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for the first value
  ///   outside its range; ``checkConsistency()``'s errors.
  public func validated() throws -> Self {
    for parameter in Self.parameters { try parameter.check(self) }
    try checkConsistency()
    return self
  }

  /// The declared parameters by manifest key, with their values as text.
  public func manifestEntries(_ parameters: [Parameter<Self>] = Self.parameters) -> [String: String]
  {
    var entries: [String: String] = [:]
    for parameter in parameters { entries[parameter.key] = parameter.value(in: self) }
    return entries
  }

  /// ``standard`` with the options of `options` that `parameters` declare, checked.
  /// - Throws: the values' reading and range errors.
  static func make(_ options: RuleOptions, parameters: [Parameter<Self>] = Self.parameters)
    throws -> Self
  {
    var configuration = standard
    for assignment in options.assignments {
      guard let parameter = parameters.first(where: { $0.name == assignment.name }) else {
        continue
      }
      try parameter.assign(&configuration, assignment.value)
    }
    return try configuration.validated()
  }
}
