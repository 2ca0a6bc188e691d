import MiniCNN
import PruneCore

/// Everything one `prunelab train` run needs, typed: the rule and its options, the data, the
/// trainer's configuration, the logs, checkpoint and resume, and the output folder.
///
/// ``TrainingRun/run(_:)`` does the work; the command line only builds a request. The request
/// carries the command line that regenerates it (``commandLine``), stored in the manifest.
public struct TrainRequest: Sendable, Hashable {
  /// The catalog name of the rule.
  public var rule: String
  /// The rule's options, as written.
  public var ruleOptions: RuleOptions
  /// Where the images come from.
  public var dataset: DatasetSource
  /// Train on a stratified subset of this many images.
  public var trainSubset: Int?
  /// Evaluate on a stratified subset of this many test images.
  public var testSubset: Int?
  /// The seed of the subsets (and of synthetic images, inside ``dataset``).
  public var dataSeed: UInt64
  /// Epochs, batch size, schedule, optimiser, augmentation, threads and the seed of the weights,
  /// the augmentation and the rule's draws.
  public var trainer: TrainerConfiguration
  /// The output folder.
  public var outputPath: String
  /// Write losses.csv / activations.csv.
  public var logsLosses: Bool
  public var logsActivations: Bool
  /// Save the run's state here after every epoch.
  public var checkpointPath: String?
  /// Continue the run saved here.
  public var resumePath: String?
  /// Stop once this many epochs are trained, keeping the checkpoint.
  public var stopAfterEpochs: Int?
  /// Progress on standard error.
  public var reportsProgress: Bool
  /// The command line that regenerates this run, every setting explicit (for the manifest).
  public var commandLine: [String]

  public init(
    rule: String, ruleOptions: RuleOptions = RuleOptions(), dataset: DatasetSource,
    trainSubset: Int? = nil, testSubset: Int? = nil, dataSeed: UInt64 = 0,
    trainer: TrainerConfiguration, outputPath: String, logsLosses: Bool = false,
    logsActivations: Bool = false, checkpointPath: String? = nil, resumePath: String? = nil,
    stopAfterEpochs: Int? = nil, reportsProgress: Bool = true, commandLine: [String] = []
  ) {
    self.rule = rule
    self.ruleOptions = ruleOptions
    self.dataset = dataset
    self.trainSubset = trainSubset
    self.testSubset = testSubset
    self.dataSeed = dataSeed
    self.trainer = trainer
    self.outputPath = outputPath
    self.logsLosses = logsLosses
    self.logsActivations = logsActivations
    self.checkpointPath = checkpointPath
    self.resumePath = resumePath
    self.stopAfterEpochs = stopAfterEpochs
    self.reportsProgress = reportsProgress
    self.commandLine = commandLine
  }

  /// Checks what can be checked before loading data: the rule and its options, the stop point.
  /// - Throws: ``PruneRunsError/needsOption(option:reason:)``, ``MiniCNNError``, the catalog's and
  ///   the configurations' errors.
  public func validate() throws {
    if let stopAfterEpochs {
      guard checkpointPath != nil || resumePath != nil else {
        throw PruneRunsError.needsOption(
          option: "--checkpoint FILE", reason: "--stop-after-epochs keeps the run's state there")
      }
      guard stopAfterEpochs >= 1 else {
        throw MiniCNNError.outOfRange(
          parameter: "stop-after-epochs", value: Double(stopAfterEpochs),
          allowed: "an integer >= 1")
      }
    }
    try RuleCatalog.check(named: rule, options: ruleOptions)
  }
}
