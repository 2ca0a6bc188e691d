import PruneSweep

/// Everything one `prunelab sweep run` needs, typed: the rules, the varied settings, the seeds,
/// the sizes, the shard and the output folder.
///
/// ``SweepShardRun/run(_:conditions:)`` does the work; the command line only builds a request
/// and says how a point's settings become configurations. The request carries the command line
/// that regenerates it (``commandLine``), stored in the shard's manifest.
public struct SweepRequest: Sendable, Hashable {
  /// The swept rules (full data runs at every point anyway).
  public var rules: [String]
  /// The varied settings, the last varying fastest.
  public var axes: [SweepGrid.Axis]
  /// Seeds per point; seed k is ``seed`` + k.
  public var seedCount: Int
  public var seed: UInt64
  public var samples: Int
  public var epochs: Int
  public var batchSize: Int
  public var shard: SweepShard
  /// Points measured at once (threads); results do not depend on it.
  public var jobs: Int
  /// The folder every shard of the sweep writes into.
  public var outputPath: String
  /// Progress lines on standard error.
  public var reportsProgress: Bool
  /// The fixed signal settings, as the manifest records them.
  public var signalSettings: String
  /// The command line that regenerates this shard, every setting explicit (for the manifest).
  public var commandLine: [String]

  public init(
    rules: [String], axes: [SweepGrid.Axis], seedCount: Int = 3, seed: UInt64 = 0,
    samples: Int = 2_000, epochs: Int = 40, batchSize: Int = 64, shard: SweepShard,
    jobs: Int = 1, outputPath: String, reportsProgress: Bool = false, signalSettings: String = "",
    commandLine: [String] = []
  ) {
    self.rules = rules
    self.axes = axes
    self.seedCount = seedCount
    self.seed = seed
    self.samples = samples
    self.epochs = epochs
    self.batchSize = batchSize
    self.shard = shard
    self.jobs = jobs
    self.outputPath = outputPath
    self.reportsProgress = reportsProgress
    self.signalSettings = signalSettings
    self.commandLine = commandLine
  }

  /// `name=v1,v2,...` (a leading `--` on the name is dropped).
  /// - Throws: ``PruneSweepError/badGrid(_:)``.
  public static func axis(_ text: String) throws -> SweepGrid.Axis {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw PruneSweepError.badGrid("--vary \(text) is not name=v1,v2,...")
    }
    let name = String(text[..<equals])
    let values = text[text.index(after: equals)...].split(separator: ",").map { String($0) }
    return SweepGrid.Axis(
      name: name.hasPrefix("--") ? String(name.dropFirst(2)) : name, values: values)
  }
}
