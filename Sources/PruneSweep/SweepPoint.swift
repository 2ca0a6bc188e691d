/// One run of a sweep: a rule, one value per varied setting, and a seed.
public struct SweepPoint: Sendable, Hashable {
  /// The point's position in the grid's order (0-based); shards and the merge go by it.
  public let index: Int
  /// The rule's catalog name.
  public let rule: String
  /// The varied settings, one per axis, in axis order: (option name, value as text).
  public let settings: [SweepSetting]
  /// k, the seed's position (0-based), and the seed itself (base seed + k).
  public let seedIndex: Int
  public let seed: UInt64
}

/// A setting's option name (as on the command line, without `--`) and its value as text.
public struct SweepSetting: Sendable, Hashable {
  public let name: String
  public let value: String

  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}
