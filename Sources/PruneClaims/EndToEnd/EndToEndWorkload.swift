import MiniCNN

/// The data and training settings of an end-to-end claim (cnn.md "Workloads").
///
/// - quick: T1-sized synthetic images (1 x 16 x 16, cnn.md T1; 1,200 of them), 4 epochs,
///   3 seeds — minutes on two cores, so most accuracy comparisons are within the seed spread
///   (inconclusive);
/// - full: T2 (Fashion-MNIST 60,000 / 10,000, batch 128, 30 epochs, OneCycle max lr 0.1) with
///   5 seeds; T3 (100 epochs) where a claim needs long training (BPAS-7).
///
/// Every rule of a comparison uses the same workload and, for seed k, the same network
/// initialisation and data order seed, so differences between rules are paired by seed.
public struct EndToEndWorkload: Sendable, Hashable {
  /// The data set.
  public let source: DatasetSource
  /// Stratified training subset (nil: the whole training set).
  public let trainSubset: Int?
  /// Stratified test subset (nil: the whole test set).
  public let testSubset: Int?
  /// Planned epochs.
  public let epochs: Int
  /// Mini-batch size B.
  public let batchSize: Int
  /// OneCycle maximum learning rate (cnn.md T2: 0.1, tuned once for full data).
  public let maximumLearningRate: Double
  /// How many seeds every configuration is trained with.
  public let seedCount: Int
  /// How the weights start (the paper profile: PyTorch's default).
  public let initialization: WeightInitialization

  public init(
    source: DatasetSource, trainSubset: Int? = nil, testSubset: Int? = nil, epochs: Int,
    batchSize: Int = 128, maximumLearningRate: Double = 0.1, seedCount: Int,
    initialization: WeightInitialization = .kaimingNormal
  ) {
    precondition(epochs >= 1 && batchSize >= 1 && seedCount >= 1, "positive sizes")
    self.source = source
    self.trainSubset = trainSubset
    self.testSubset = testSubset
    self.epochs = epochs
    self.batchSize = batchSize
    self.maximumLearningRate = maximumLearningRate
    self.seedCount = seedCount
    self.initialization = initialization
  }

  /// The same workload with another number of epochs.
  public func withEpochs(_ count: Int) -> EndToEndWorkload {
    EndToEndWorkload(
      source: source, trainSubset: trainSubset, testSubset: testSubset, epochs: count,
      batchSize: batchSize, maximumLearningRate: maximumLearningRate, seedCount: seedCount,
      initialization: initialization)
  }

  /// The same workload on a stratified training subset of `count` images.
  public func withTrainSubset(_ count: Int) -> EndToEndWorkload {
    EndToEndWorkload(
      source: source, trainSubset: count, testSubset: testSubset, epochs: epochs,
      batchSize: batchSize, maximumLearningRate: maximumLearningRate, seedCount: seedCount,
      initialization: initialization)
  }

  /// The same workload with another number of seeds.
  public func withSeeds(_ count: Int) -> EndToEndWorkload {
    EndToEndWorkload(
      source: source, trainSubset: trainSubset, testSubset: testSubset, epochs: epochs,
      batchSize: batchSize, maximumLearningRate: maximumLearningRate, seedCount: count,
      initialization: initialization)
  }

  /// T1-sized synthetic images: 1 x 16 x 16, 2,000 training and 1,000 test images, 10 classes.
  public static func syntheticT1(
    sampleCount: Int = 2_000, side: Int = 16, epochs: Int = 5, seedCount: Int = 2,
    batchSize: Int = 128
  ) throws -> EndToEndWorkload {
    let configuration = try SyntheticImageConfiguration(
      sampleCount: sampleCount, testSampleCount: max(100, sampleCount / 2), height: side,
      width: side)
    return EndToEndWorkload(
      source: .synthetic(configuration), epochs: epochs, batchSize: batchSize,
      seedCount: seedCount)
  }

  /// T2: the whole of Fashion-MNIST, batch 128, OneCycle max lr 0.1.
  public static func fashionT2(epochs: Int = 30, seedCount: Int = 5) -> EndToEndWorkload {
    EndToEndWorkload(source: .fashionMNIST(), epochs: epochs, seedCount: seedCount)
  }

  /// The quick or full default of a claim without a run store: T1-sized (4 epochs, 3 seeds) or
  /// T2 (30 epochs, 5 seeds). With a store the claims use ``RunProfile/workload``.
  ///
  /// The quick workload is T1's image size with 1,200 training images and 4 epochs (T1 itself
  /// is 2,000 and 5): the seven end-to-end claims train about 90 runs together and must stay
  /// within a few minutes on two cores. Three seeds are the fewest whose standard deviation
  /// means something.
  public static func standard(for profile: ClaimProfile) throws -> EndToEndWorkload {
    profile == .quick ? try syntheticT1(sampleCount: 1_200, epochs: 4, seedCount: 3) : fashionT2()
  }

  /// The table rows describing the workload on a claim's page.
  public var settingRows: [(String, String)] {
    var rows: [(String, String)] = []
    switch source {
    case .fashionMNIST:
      rows.append(("data", "Fashion-MNIST (Debian dataset-fashion-mnist)"))
    case .synthetic(let c):
      rows.append(
        (
          "data",
          "synthetic images \(c.channels) x \(c.height) x \(c.width), \(c.classCount) classes, "
            + "\(c.sampleCount) train / \(c.testSampleCount) test, noise \(c.noiseLevel), "
            + "overlap \(c.classOverlap)"
        ))
    }
    if let trainSubset { rows.append(("training subset", "\(trainSubset) (stratified)")) }
    if let testSubset { rows.append(("test subset", "\(testSubset) (stratified)")) }
    rows.append(
      (
        "network",
        "ref-cnn (16-32-64, BN unless stated), \(initialization == .pytorchDefault ? "PyTorch's default init (kaiming-uniform a = sqrt 5)" : "Kaiming-normal init")"
      ))
    rows.append(("optimiser", "SGD momentum 0.9, weight decay 5e-4, batch \(batchSize)"))
    rows.append(("schedule", "OneCycle, max lr \(maximumLearningRate), sized from each plan"))
    rows.append(("epochs", "\(epochs)"))
    rows.append(("seeds", "\(seedCount) (seed k: network, data order and rule seed k)"))
    return rows
  }

  /// Loads and normalises the data (the subset draws use `seed`).
  func loadData(seed: UInt64) throws -> TrainingData {
    try TrainingData.load(source, trainSubset: trainSubset, testSubset: testSubset, seed: seed)
  }
}
