import PruneCore
import PruneSignals

/// Everything one `prunelab simulate` run needs, typed: the rule and its options, the sizes, the
/// signals (a synthetic learner and activation curve, or replayed logs) and what to write where.
///
/// ``SimulationRun/run(_:)`` does the work; the command line only builds a request. The request
/// carries the command line that regenerates it (``commandLine``), stored in the manifest.
public struct SimulationRequest: Sendable, Hashable {
  /// N when neither `samples` nor a loss log says it.
  public static let defaultSamples = 10_000
  /// E when neither `epochs` nor a log says it.
  public static let defaultEpochs = 200

  /// The catalog name of the rule.
  public var rule: String
  /// The rule's options, as written.
  public var ruleOptions: RuleOptions
  /// N; nil: ``defaultSamples``, or the loss log's.
  public var samples: Int?
  /// E; nil: ``defaultEpochs``, or the log's.
  public var epochs: Int?
  public var batchSize: Int
  /// The rule's seed; the synthetic signals' seeds derive from it.
  public var seed: UInt64
  /// The output folder (created if missing).
  public var outputPath: String
  /// A loss log `epoch,sample,loss[,label]` to replay instead of the learner.
  public var lossLogPath: String?
  /// An activation log `epoch,batch,xbar` to replay.
  public var activationLogPath: String?
  /// What to do with the pairs a replayed log lacks.
  public var missing: MissingLogEntries
  /// The synthetic learner (ignored when replaying).
  public var learner: LearnerConfiguration
  /// The synthetic activation curve (ignored when replaying).
  public var activations: ActivationConfiguration
  /// Also write losses.csv / activations.csv of the synthetic signals.
  public var writesLossLog: Bool
  public var writesActivationLog: Bool
  /// Write samples.csv.
  public var writesSampleOutcomes: Bool
  /// One progress line per epoch on standard error.
  public var reportsProgress: Bool
  /// The command line that regenerates this run, every setting explicit (for the manifest).
  public var commandLine: [String]

  public init(
    rule: String, ruleOptions: RuleOptions = RuleOptions(), samples: Int? = nil,
    epochs: Int? = nil, batchSize: Int = 128, seed: UInt64 = 0, outputPath: String,
    lossLogPath: String? = nil, activationLogPath: String? = nil,
    missing: MissingLogEntries = .reject, learner: LearnerConfiguration,
    activations: ActivationConfiguration, writesLossLog: Bool = false,
    writesActivationLog: Bool = false, writesSampleOutcomes: Bool = true,
    reportsProgress: Bool = false, commandLine: [String] = []
  ) {
    self.rule = rule
    self.ruleOptions = ruleOptions
    self.samples = samples
    self.epochs = epochs
    self.batchSize = batchSize
    self.seed = seed
    self.outputPath = outputPath
    self.lossLogPath = lossLogPath
    self.activationLogPath = activationLogPath
    self.missing = missing
    self.learner = learner
    self.activations = activations
    self.writesLossLog = writesLossLog
    self.writesActivationLog = writesActivationLog
    self.writesSampleOutcomes = writesSampleOutcomes
    self.reportsProgress = reportsProgress
    self.commandLine = commandLine
  }

  /// True when the signals come from logs.
  public var isReplay: Bool { lossLogPath != nil || activationLogPath != nil }

  /// Checks what can be checked before reading any log: the rule, its options and ranges, and
  /// the sizes (a replay's sizes come from its log, checked when it is read).
  /// - Throws: the catalog's, the configurations' and ``TrainingSetup``'s errors.
  public func validate() throws {
    _ = try TrainingSetup(
      sampleCount: samples ?? Self.defaultSamples, batchSize: batchSize,
      plannedEpochs: epochs ?? Self.defaultEpochs, seed: seed)
    try RuleCatalog.check(named: rule, options: ruleOptions)
  }
}
