/// When the trainer measures the activation statistic X̄ (algorithms.md Part A, B-PAS): it costs
/// one pass over each tap's output per batch, so by default only a rule that needs it pays.
public enum ActivationMeasurement: String, Sendable, Hashable, Codable, CaseIterable {
  /// Every batch (for the activation log).
  case always
  /// Every batch when the rule requires ``PruneCore/SignalKinds/activationStatistic``.
  case whenRequired
  /// Never: a rule that needs X̄ is refused.
  case never
}

/// How the trainer trains: epochs, batch size, schedule, optimiser, network options, augmentation,
/// seed and threads (cnn.md "ref-cnn" and "Workloads"; T2 = the defaults with 30 epochs).
///
/// Codable so a checkpoint can carry it; decoding goes through the checking initialiser.
public struct TrainerConfiguration: Sendable, Hashable {
  /// E, the planned number of epochs.
  public let epochs: Int
  /// B, the batch size (the last batch of an epoch may be partial).
  public let batchSize: Int
  /// The learning-rate schedule, stepped once per batch and sized per epoch from the plan.
  public let schedule: LearningRateSchedule
  /// Momentum, weight decay, Nesterov.
  public let optimizer: SGDConfiguration
  /// False builds the ref-cnn without BatchNorm (claim BPAS-6).
  public let usesBatchNorm: Bool
  /// Label smoothing eps of the training loss.
  public let labelSmoothing: Double
  /// The padding of the random crop (0: off).
  public let cropPadding: Int
  /// Whether to flip half the training images.
  public let horizontalFlip: Bool
  /// When to measure X̄.
  public let activationMeasurement: ActivationMeasurement
  /// The batch size of the test-set evaluation after each epoch (no effect on results).
  public let evaluationBatchSize: Int
  /// The threads that share each training step (``ConvolutionalNetwork/workerCount``; OpenBLAS
  /// runs on 1). Results depend on it: the weight gradients add per-thread partial sums.
  public let threadCount: Int
  /// The seed of the weight initialisation and the augmentation draws.
  public let seed: UInt64
  /// How the weights start (``WeightInitialization``; Kaiming-normal by default).
  public let initialization: WeightInitialization

  /// - Throws: ``MiniCNNError/outOfRange(parameter:value:allowed:)`` naming the bad value.
  public init(
    epochs: Int, batchSize: Int = 128,
    schedule: LearningRateSchedule = .oneCycle(maximum: 0.1),
    optimizer: SGDConfiguration? = nil, usesBatchNorm: Bool = true, labelSmoothing: Double = 0,
    cropPadding: Int = 0, horizontalFlip: Bool = false,
    activationMeasurement: ActivationMeasurement = .whenRequired, evaluationBatchSize: Int = 500,
    threadCount: Int = 2, seed: UInt64 = 0, initialization: WeightInitialization = .kaimingNormal
  ) throws {
    func check(_ name: String, _ value: Int, _ range: ClosedRange<Int>) throws {
      guard range.contains(value) else {
        throw MiniCNNError.outOfRange(
          parameter: name, value: Double(value),
          allowed: "\(range.lowerBound)...\(range.upperBound)")
      }
    }
    try check("epochs", epochs, 1...100_000)
    try check("batchSize", batchSize, 1...65_536)
    try check("cropPadding", cropPadding, 0...16)
    try check("evaluationBatchSize", evaluationBatchSize, 1...65_536)
    try check("threads", threadCount, 1...256)
    guard labelSmoothing >= 0, labelSmoothing < 1 else {
      throw MiniCNNError.outOfRange(
        parameter: "labelSmoothing", value: labelSmoothing, allowed: "[0, 1)")
    }
    self.epochs = epochs
    self.batchSize = batchSize
    self.schedule = try schedule.validated()
    self.optimizer = try optimizer ?? SGDConfiguration()
    self.usesBatchNorm = usesBatchNorm
    self.labelSmoothing = labelSmoothing
    self.cropPadding = cropPadding
    self.horizontalFlip = horizontalFlip
    self.activationMeasurement = activationMeasurement
    self.evaluationBatchSize = evaluationBatchSize
    self.threadCount = threadCount
    self.seed = seed
    self.initialization = initialization
  }

  /// The network this configuration builds for images of `data`.
  /// - Throws: ``MiniCNNError`` when the images are too small for two 2x2 pools.
  public func networkConfiguration(for data: ImageDataset) throws -> NetworkConfiguration {
    try NetworkConfiguration(
      inputChannels: data.channels, height: data.height, width: data.width,
      classCount: data.classCount, usesBatchNorm: usesBatchNorm, labelSmoothing: labelSmoothing,
      seed: seed, initialization: initialization)
  }
}

extension TrainerConfiguration: Codable {
  private enum CodingKeys: String, CodingKey {
    case epochs, batchSize, schedule, optimizer, usesBatchNorm, labelSmoothing, cropPadding
    case horizontalFlip, activationMeasurement, evaluationBatchSize, threadCount, seed
    case initialization
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(epochs, forKey: .epochs)
    try c.encode(batchSize, forKey: .batchSize)
    try c.encode(schedule, forKey: .schedule)
    try c.encode(optimizer, forKey: .optimizer)
    try c.encode(usesBatchNorm, forKey: .usesBatchNorm)
    try c.encode(labelSmoothing, forKey: .labelSmoothing)
    try c.encode(cropPadding, forKey: .cropPadding)
    try c.encode(horizontalFlip, forKey: .horizontalFlip)
    try c.encode(activationMeasurement, forKey: .activationMeasurement)
    try c.encode(evaluationBatchSize, forKey: .evaluationBatchSize)
    try c.encode(threadCount, forKey: .threadCount)
    try c.encode(seed, forKey: .seed)
    // Kaiming-normal is left out, so the checkpoints and manifests written before the option
    // existed keep their bytes.
    if initialization != .kaimingNormal { try c.encode(initialization, forKey: .initialization) }
  }

  /// Decodes through the checking initialiser.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      epochs: c.decode(Int.self, forKey: .epochs),
      batchSize: c.decode(Int.self, forKey: .batchSize),
      schedule: c.decode(LearningRateSchedule.self, forKey: .schedule),
      optimizer: c.decode(SGDConfiguration.self, forKey: .optimizer),
      usesBatchNorm: c.decode(Bool.self, forKey: .usesBatchNorm),
      labelSmoothing: c.decode(Double.self, forKey: .labelSmoothing),
      cropPadding: c.decode(Int.self, forKey: .cropPadding),
      horizontalFlip: c.decode(Bool.self, forKey: .horizontalFlip),
      activationMeasurement: c.decode(ActivationMeasurement.self, forKey: .activationMeasurement),
      evaluationBatchSize: c.decode(Int.self, forKey: .evaluationBatchSize),
      threadCount: c.decode(Int.self, forKey: .threadCount),
      seed: c.decode(UInt64.self, forKey: .seed),
      initialization: c.decodeIfPresent(WeightInitialization.self, forKey: .initialization)
        ?? .kaimingNormal)
  }
}
