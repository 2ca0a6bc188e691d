/// The ground truth the synthetic generator records for one training sample, so a study can ask
/// whether a rule prunes the easy, the noisy or the redundant ones.
public struct SyntheticSample: Sendable, Hashable, Codable {
  /// The class whose prototype the image was made from.
  public let trueLabel: Int
  /// The label the dataset carries (differs from ``trueLabel`` when flipped).
  public let label: Int
  /// d in [0, 1): the latent difficulty; it sets both the mixing toward the partner class
  /// (m = classOverlap x d) and the noise (sigma (0.5 + d)). 0 is the easiest.
  public let difficulty: Double
  /// m, the weight of the partner class's prototype in the clean image.
  public let mixingWeight: Double
  /// The class the image is mixed toward.
  public let partnerClass: Int
  /// True when label noise replaced the label.
  public let isLabelFlipped: Bool
  /// The index of the sample this one copies, when it is a duplicate.
  public let duplicateOf: Int?

  /// True when this sample is an exact copy of another.
  public var isDuplicate: Bool { duplicateOf != nil }
}
