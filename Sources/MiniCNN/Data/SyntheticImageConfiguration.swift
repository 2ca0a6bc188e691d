/// The knobs of the synthetic image generator (cnn.md "Synthetic images"; the T1 workload is
/// the default: 1 x 16 x 16, 2,000 training samples, 10 classes).
///
/// Encodable for manifests, not Decodable: synthesized decoding would skip the checks.
public struct SyntheticImageConfiguration: Sendable, Hashable, Encodable {
  /// N, the number of training samples (duplicates included).
  public let sampleCount: Int
  /// The number of test samples: balanced, clean labels, no duplicates.
  public let testSampleCount: Int
  /// K, the number of classes.
  public let classCount: Int
  /// C, channels per image.
  public let channels: Int
  /// H, image height.
  public let height: Int
  /// W, image width.
  public let width: Int
  /// sigma: the pixel noise of a sample of difficulty d has standard deviation sigma (0.5 + d);
  /// prototypes have unit standard deviation.
  public let noiseLevel: Double
  /// The largest weight with which an image is mixed toward its partner class: m = overlap x d.
  /// At 0.5 the hardest images sit on the boundary between two classes.
  public let classOverlap: Double
  /// The fraction of original training samples whose label is replaced by another class's.
  public let labelNoiseFraction: Double
  /// rho: class k has a share proportional to rho^(-k / (K - 1)), so the largest class is rho
  /// times the smallest (1 = balanced; the long-tailed CIFAR profile).
  public let imbalanceRatio: Double
  /// The fraction of training samples that are exact copies (image and label) of another
  /// sample of the same class.
  public let duplicateFraction: Double
  /// The seed of every draw.
  public let seed: UInt64

  /// - Throws: ``MiniCNNError/outOfRange(parameter:value:allowed:)`` naming the first bad knob.
  public init(
    sampleCount: Int = 2_000, testSampleCount: Int = 1_000, classCount: Int = 10,
    channels: Int = 1, height: Int = 16, width: Int = 16, noiseLevel: Double = 1.0,
    classOverlap: Double = 0.5, labelNoiseFraction: Double = 0, imbalanceRatio: Double = 1,
    duplicateFraction: Double = 0, seed: UInt64 = 0
  ) throws {
    func check(_ name: String, _ value: Int, _ range: ClosedRange<Int>) throws {
      guard range.contains(value) else {
        throw MiniCNNError.outOfRange(
          parameter: name, value: Double(value),
          allowed: "\(range.lowerBound)...\(range.upperBound)")
      }
    }
    try check("classCount", classCount, 2...1_000)
    try check("sampleCount", sampleCount, classCount...10_000_000)
    try check("testSampleCount", testSampleCount, 1...10_000_000)
    try check("channels", channels, 1...16)
    try check("height", height, 2...256)
    try check("width", width, 2...256)
    func check(_ name: String, _ value: Double, _ allowed: String, _ isValid: (Double) -> Bool)
      throws
    {
      guard isValid(value) else {
        throw MiniCNNError.outOfRange(parameter: name, value: value, allowed: allowed)
      }
    }
    try check("noiseLevel", noiseLevel, "[0, 100]") { $0 >= 0 && $0 <= 100 }
    try check("classOverlap", classOverlap, "[0, 1]") { $0 >= 0 && $0 <= 1 }
    try check("labelNoiseFraction", labelNoiseFraction, "[0, 1)") { $0 >= 0 && $0 < 1 }
    try check("imbalanceRatio", imbalanceRatio, "[1, 1000]") { $0 >= 1 && $0 <= 1_000 }
    try check("duplicateFraction", duplicateFraction, "[0, 0.9]") { $0 >= 0 && $0 <= 0.9 }
    self.sampleCount = sampleCount
    self.testSampleCount = testSampleCount
    self.classCount = classCount
    self.channels = channels
    self.height = height
    self.width = width
    self.noiseLevel = noiseLevel
    self.classOverlap = classOverlap
    self.labelNoiseFraction = labelNoiseFraction
    self.imbalanceRatio = imbalanceRatio
    self.duplicateFraction = duplicateFraction
    self.seed = seed
  }
}
