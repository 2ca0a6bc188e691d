/// The images of a run, ready to train on: optionally a stratified subset, standardised by the
/// training set's own per-channel mean and standard deviation (applied to the test set as well).
public struct TrainingData: Sendable {
  /// Where the images came from.
  public let source: DatasetSource
  /// The normalised training images.
  public let train: ImageDataset
  /// The normalised test images.
  public let test: ImageDataset
  /// The statistics used (fitted on ``train`` before normalising).
  public let normalization: ImageNormalization
  /// For a subset, the index of each training sample in the full training set.
  public let trainSourceIndices: [Int]?
  /// For the synthetic set, each training sample's ground truth, parallel to ``train``
  /// (a duplicate's ``SyntheticSample/duplicateOf`` indexes the full set; map it through
  /// ``trainSourceIndices`` for a subset).
  public let syntheticTruth: [SyntheticSample]?

  /// Loads (or generates) the images, takes the subsets and normalises.
  ///
  /// - Parameters:
  ///   - source: Fashion-MNIST or the synthetic generator.
  ///   - trainSubset: When given, the size of a stratified training subset (cnn.md: e.g. 6,000).
  ///   - testSubset: When given, the size of a stratified test subset.
  ///   - seed: The seed of the subset draws.
  /// - Throws: ``MiniCNNError`` from the files or a subset size out of range.
  public static func load(
    _ source: DatasetSource, trainSubset: Int? = nil, testSubset: Int? = nil, seed: UInt64 = 0
  ) throws -> TrainingData {
    var train: ImageDataset
    var test: ImageDataset
    var truth: [SyntheticSample]?
    switch source {
    case .fashionMNIST(let directory):
      train = try FashionMNIST.load(.train, directory: directory)
      test = try FashionMNIST.load(.test, directory: directory)
    case .synthetic(let configuration):
      let set = SyntheticImageSet(configuration)
      train = set.train
      test = set.test
      truth = set.trainSamples
    }
    var sourceIndices: [Int]?
    if let trainSubset {
      let indices = try train.stratifiedSubsetIndices(count: trainSubset, seed: seed)
      train = train.subset(at: indices)
      truth = truth.map { all in indices.map { all[$0] } }
      sourceIndices = indices
    }
    if let testSubset {
      test = try test.stratifiedSubset(count: testSubset, seed: seed &+ 1)
    }
    let normalization = ImageNormalization(fitting: train)
    return TrainingData(
      source: source, train: normalization.applied(to: train),
      test: normalization.applied(to: test), normalization: normalization,
      trainSourceIndices: sourceIndices, syntheticTruth: truth)
  }
}
