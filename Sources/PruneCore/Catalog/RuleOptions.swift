/// Every optional rule parameter the command line can set; `nil` means "the rule's default".
///
/// ``RuleCatalog/makeRule(named:options:setup:)`` rejects an option that does not apply to the
/// chosen rule, so a typo'd combination fails loudly instead of being ignored. Each field's
/// command-line name is in ``RuleOptions/Name``; ``setValue(_:forOption:)`` parses one from text.
public struct RuleOptions: Sendable, Hashable {
  /// The score a loss-based rule (infobatch, seta, repb) selects on.
  public enum Score: String, Sendable, Hashable, Codable, CaseIterable {
    /// The raw per-sample forward loss (``LossScore``).
    case loss
    /// The batch-loss EMA (``BatchLossScore``).
    case bls
  }

  /// The command-line names of the options (without the leading `--`).
  public enum Name: String, Sendable, Hashable, CaseIterable {
    case pruneRatio = "prune-ratio"
    case delta
    case selection
    case packageWeightResetBug = "package-weight-reset-bug"
    case score
    case initialScore = "initial-score"
    case alpha
    case scoreInit = "score-init"
    case scoreRescaling = "score-rescaling"
    case groups
    case windowScale = "window-scale"
    case clustering
    case rho
    case window
    case maxWeight = "max-weight"
    case deltaStart = "delta-start"
    case deltaEnd = "delta-end"
    case rescale
    case pruneFirstEpoch = "prune-first-epoch"
    case resampling
  }

  public var pruneRatio: Double?
  public var delta: Double?
  public var selection: InfoBatchConfiguration.Selection?
  public var packageWeightResetBug: Bool?
  public var score: Score?
  public var initialScore: Double?
  public var alpha: Double?
  public var scoreInit: BatchLossScoreConfiguration.Initialisation?
  public var scoreRescaling: BatchLossScoreConfiguration.Rescaling?
  public var groups: Int?
  public var windowScale: Double?
  public var clustering: SeTaConfiguration.Clustering?
  public var rho: Double?
  public var window: Int?
  public var maxWeight: Double?
  public var deltaStart: Double?
  public var deltaEnd: Double?
  public var rescale: Bool?
  public var pruneFirstEpoch: Bool?
  public var resampling: Bool?

  public init() {}

  /// The options that are set, in ``Name`` order.
  public var setNames: [Name] {
    Name.allCases.filter { isSet($0) }
  }

  /// True when option `name` has a value.
  public func isSet(_ name: Name) -> Bool {
    switch name {
    case .pruneRatio: return pruneRatio != nil
    case .delta: return delta != nil
    case .selection: return selection != nil
    case .packageWeightResetBug: return packageWeightResetBug != nil
    case .score: return score != nil
    case .initialScore: return initialScore != nil
    case .alpha: return alpha != nil
    case .scoreInit: return scoreInit != nil
    case .scoreRescaling: return scoreRescaling != nil
    case .groups: return groups != nil
    case .windowScale: return windowScale != nil
    case .clustering: return clustering != nil
    case .rho: return rho != nil
    case .window: return window != nil
    case .maxWeight: return maxWeight != nil
    case .deltaStart: return deltaStart != nil
    case .deltaEnd: return deltaEnd != nil
    case .rescale: return rescale != nil
    case .pruneFirstEpoch: return pruneFirstEpoch != nil
    case .resampling: return resampling != nil
    }
  }

  /// Sets option `option` (a command-line name such as `prune-ratio`) from its text.
  ///
  /// Range checks are left to the rule configurations; this only reads the text.
  /// - Throws: ``PruneCoreError/invalidOptionValue(option:value:expected:)`` for an unknown
  ///   option name or a value that is not a number, an integer, a boolean or one of the choices.
  public mutating func setValue(_ text: String, forOption option: String) throws {
    guard let name = Name(rawValue: option) else {
      throw PruneCoreError.invalidOptionValue(
        option: option, value: text,
        expected: "a known option: " + Name.allCases.map(\.rawValue).joined(separator: ", "))
    }
    switch name {
    case .pruneRatio: pruneRatio = try Self.number(text, name)
    case .delta: delta = try Self.number(text, name)
    case .selection: selection = try Self.choice(text, name)
    case .packageWeightResetBug: packageWeightResetBug = try Self.boolean(text, name)
    case .score: score = try Self.choice(text, name)
    case .initialScore: initialScore = try Self.number(text, name)
    case .alpha: alpha = try Self.number(text, name)
    case .scoreInit: scoreInit = try Self.choice(text, name)
    case .scoreRescaling: scoreRescaling = try Self.choice(text, name)
    case .groups: groups = try Self.integer(text, name)
    case .windowScale: windowScale = try Self.number(text, name)
    case .clustering: clustering = try Self.choice(text, name)
    case .rho: rho = try Self.number(text, name)
    case .window: window = try Self.integer(text, name)
    case .maxWeight: maxWeight = try Self.number(text, name)
    case .deltaStart: deltaStart = try Self.number(text, name)
    case .deltaEnd: deltaEnd = try Self.number(text, name)
    case .rescale: rescale = try Self.boolean(text, name)
    case .pruneFirstEpoch: pruneFirstEpoch = try Self.boolean(text, name)
    case .resampling: resampling = try Self.boolean(text, name)
    }
  }

  private static func number(_ text: String, _ name: Name) throws -> Double {
    guard let value = Double(text) else {
      throw PruneCoreError.invalidOptionValue(option: name.rawValue, value: text, expected: "a number")
    }
    return value
  }

  private static func integer(_ text: String, _ name: Name) throws -> Int {
    guard let value = Int(text) else {
      throw PruneCoreError.invalidOptionValue(
        option: name.rawValue, value: text, expected: "an integer")
    }
    return value
  }

  private static func boolean(_ text: String, _ name: Name) throws -> Bool {
    switch text {
    case "true", "yes", "1": return true
    case "false", "no", "0": return false
    default:
      throw PruneCoreError.invalidOptionValue(
        option: name.rawValue, value: text, expected: "true or false")
    }
  }

  private static func choice<Choice: RawRepresentable & CaseIterable>(
    _ text: String, _ name: Name
  ) throws -> Choice where Choice.RawValue == String {
    guard let value = Choice(rawValue: text) else {
      throw PruneCoreError.invalidOptionValue(
        option: name.rawValue, value: text,
        expected: "one of " + Choice.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return value
  }
}
