import PruneCore

/// Everything an interrupted run needs to finish with the same bytes as an uninterrupted one
/// (issue 4: network, optimiser and rule state): taken at an epoch boundary.
///
/// The augmentation draws need no state: each epoch's generator is derived from
/// `(seed, epoch)`. The data are not stored, only their ``DataFingerprint``: the resumed run
/// loads them again and must find the same fingerprint.
public struct TrainingCheckpoint<RuleState: Codable & Sendable & Equatable>: Sendable, Codable,
  Equatable
{
  /// Bumped when the layout changes.
  public static var currentFormatVersion: Int { 1 }

  public var formatVersion: Int
  /// The trainer's configuration (threads and seed included).
  public var configuration: TrainerConfiguration
  /// The data trained on.
  public var data: DataFingerprint
  /// The rule's name, parameters and setup.
  public var ruleName: String
  public var ruleParameters: [String: String]
  public var ruleSetup: TrainingSetup
  /// The next epoch to train.
  public var nextEpoch: Int
  /// True when the rule's plan ran empty (nothing left to train).
  public var hasStoppedEarly: Bool
  /// Weights and BN running statistics.
  public var network: NetworkState
  /// Momentum buffers and step count.
  public var optimizer: SGDOptimizer.State
  /// The learning-rate schedule's position.
  public var scheduler: LearningRateScheduler
  /// The rule's state.
  public var ruleState: RuleState
  /// The records of the epochs already trained.
  public var records: [TrainingEpochRecord]

  public init(
    configuration: TrainerConfiguration, data: DataFingerprint, ruleName: String,
    ruleParameters: [String: String], ruleSetup: TrainingSetup, nextEpoch: Int,
    hasStoppedEarly: Bool, network: NetworkState, optimizer: SGDOptimizer.State,
    scheduler: LearningRateScheduler, ruleState: RuleState, records: [TrainingEpochRecord]
  ) {
    self.formatVersion = Self.currentFormatVersion
    self.configuration = configuration
    self.data = data
    self.ruleName = ruleName
    self.ruleParameters = ruleParameters
    self.ruleSetup = ruleSetup
    self.nextEpoch = nextEpoch
    self.hasStoppedEarly = hasStoppedEarly
    self.network = network
    self.optimizer = optimizer
    self.scheduler = scheduler
    self.ruleState = ruleState
    self.records = records
  }
}
