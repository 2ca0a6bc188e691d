/// The points of a sweep: every combination of the varied settings, for every rule, for every
/// seed, in a fixed order (the last axis varies fastest, then the rule, then the seed), so
/// point indices mean the same thing in every shard and on every machine.
public struct SweepGrid: Sendable, Hashable {
  /// One varied setting: its option name and the values it takes, in order.
  public struct Axis: Sendable, Hashable {
    public let name: String
    public let values: [String]

    public init(name: String, values: [String]) {
      self.name = name
      self.values = values
    }
  }

  public let axes: [Axis]
  /// Catalog names of the rules.
  public let rules: [String]
  /// The number of seeds; seed k is `baseSeed + k`.
  public let seedCount: Int
  public let baseSeed: UInt64

  /// - Throws: ``PruneSweepError/badGrid(_:)`` for no rule, a rule named twice, no seed, an
  ///   axis without values, or two axes of one name.
  public init(axes: [Axis], rules: [String], seedCount: Int, baseSeed: UInt64) throws {
    guard !rules.isEmpty else { throw PruneSweepError.badGrid("give at least one rule") }
    guard Set(rules).count == rules.count else {
      throw PruneSweepError.badGrid("a rule is named twice in \(rules.joined(separator: ","))")
    }
    guard seedCount >= 1 else { throw PruneSweepError.badGrid("--seeds must be at least 1") }
    for axis in axes where axis.values.isEmpty {
      throw PruneSweepError.badGrid("\(axis.name) has no values; write name=v1,v2,...")
    }
    let names = axes.map(\.name)
    guard Set(names).count == names.count else {
      throw PruneSweepError.badGrid("a setting is varied twice in \(names.joined(separator: ", "))")
    }
    self.axes = axes
    self.rules = rules
    self.seedCount = seedCount
    self.baseSeed = baseSeed
  }

  /// The number of combinations of the varied settings.
  public var settingCount: Int { axes.reduce(1) { $0 * $1.values.count } }

  /// The number of points: settings x rules x seeds.
  public var pointCount: Int { settingCount * rules.count * seedCount }

  /// The settings of combination `c` (0-based, last axis fastest).
  public func settings(ofCombination c: Int) -> [SweepSetting] {
    var remainder = c
    var settings = [SweepSetting]()
    for axis in axes.reversed() {
      settings.append(SweepSetting(name: axis.name, value: axis.values[remainder % axis.values.count]))
      remainder /= axis.values.count
    }
    return settings.reversed()
  }

  /// Point `index`.
  public func point(_ index: Int) -> SweepPoint {
    precondition(index >= 0 && index < pointCount, "point index out of range")
    let combination = index % settingCount
    let rule = (index / settingCount) % rules.count
    let seedIndex = index / (settingCount * rules.count)
    return SweepPoint(
      index: index, rule: rules[rule], settings: settings(ofCombination: combination),
      seedIndex: seedIndex, seed: baseSeed &+ UInt64(seedIndex))
  }

  /// The points of `shard`, in index order.
  public func points(in shard: SweepShard) -> [SweepPoint] {
    (0..<pointCount).filter { shard.contains(point: $0) }.map(point)
  }

  /// A one-line description that two shards of one sweep share exactly (the merge checks it).
  public var fingerprint: String {
    let axisText = axes.map { "\($0.name)=\($0.values.joined(separator: ","))" }
    return "rules=\(rules.joined(separator: ",")); \(axisText.joined(separator: "; ")); "
      + "seeds=\(seedCount) from \(baseSeed)"
  }
}
