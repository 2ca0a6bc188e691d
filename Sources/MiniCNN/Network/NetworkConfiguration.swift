/// The shape and options of a ``ConvolutionalNetwork``: the ref-cnn of cnn.md by default.
///
/// ```
/// conv3x3(C -> w0), BN, ReLU                 tap 1
/// conv3x3(w0 -> w1), BN, ReLU, maxpool 2     tap 2 (before the pool)
/// conv3x3(w1 -> w2), BN, ReLU, maxpool 2     tap 3 (before the pool)
/// global average pool, Linear(w2 -> K)
/// ```
/// with widths `(w0, w1, w2) = (16, 32, 64)`. Without BN each convolution gets a bias instead.
public struct NetworkConfiguration: Sendable, Hashable {
  /// C, the image channels.
  public let inputChannels: Int
  /// H, the image height (at least 4: two 2x2 pools).
  public let height: Int
  /// W, the image width (at least 4).
  public let width: Int
  /// K, the number of classes (at least 2).
  public let classCount: Int
  /// The output channels of the three convolutions.
  public let widths: [Int]
  /// False builds the network without BatchNorm (claim BPAS-6); convolutions then have biases.
  public let usesBatchNorm: Bool
  /// Label smoothing eps of the training loss (0: plain cross-entropy).
  public let labelSmoothing: Double
  /// The seed of the weight initialisation.
  public let seed: UInt64
  /// How the weights start (Kaiming-normal by default; the paper profile uses PyTorch's default).
  public let initialization: WeightInitialization

  /// - Throws: ``MiniCNNError/outOfRange(parameter:value:allowed:)`` naming the bad value.
  public init(
    inputChannels: Int = 1, height: Int = 28, width: Int = 28, classCount: Int = 10,
    widths: [Int] = [16, 32, 64], usesBatchNorm: Bool = true, labelSmoothing: Double = 0,
    seed: UInt64 = 0, initialization: WeightInitialization = .kaimingNormal
  ) throws {
    func check(_ name: String, _ value: Int, atLeast minimum: Int) throws {
      guard value >= minimum else {
        throw MiniCNNError.outOfRange(
          parameter: name, value: Double(value), allowed: "an integer >= \(minimum)")
      }
    }
    try check("inputChannels", inputChannels, atLeast: 1)
    try check("height", height, atLeast: 4)
    try check("width", width, atLeast: 4)
    try check("classCount", classCount, atLeast: 2)
    guard widths.count == 3 else {
      throw MiniCNNError.outOfRange(
        parameter: "widths.count", value: Double(widths.count), allowed: "exactly 3 (one per block)"
      )
    }
    for (i, w) in widths.enumerated() { try check("widths[\(i)]", w, atLeast: 1) }
    guard labelSmoothing >= 0, labelSmoothing < 1 else {
      throw MiniCNNError.outOfRange(
        parameter: "labelSmoothing", value: labelSmoothing, allowed: "[0, 1)")
    }
    self.inputChannels = inputChannels
    self.height = height
    self.width = width
    self.classCount = classCount
    self.widths = widths
    self.usesBatchNorm = usesBatchNorm
    self.labelSmoothing = labelSmoothing
    self.seed = seed
    self.initialization = initialization
  }

  /// The number of floats of one input image, C*H*W.
  public var imageSize: Int { inputChannels * height * width }
}

extension NetworkConfiguration: Codable {
  private enum CodingKeys: String, CodingKey {
    case inputChannels, height, width, classCount, widths, usesBatchNorm, labelSmoothing, seed
    case initialization
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(inputChannels, forKey: .inputChannels)
    try c.encode(height, forKey: .height)
    try c.encode(width, forKey: .width)
    try c.encode(classCount, forKey: .classCount)
    try c.encode(widths, forKey: .widths)
    try c.encode(usesBatchNorm, forKey: .usesBatchNorm)
    try c.encode(labelSmoothing, forKey: .labelSmoothing)
    try c.encode(seed, forKey: .seed)
    // Left out when Kaiming-normal, so files written before the option keep their bytes.
    if initialization != .kaimingNormal { try c.encode(initialization, forKey: .initialization) }
  }

  /// Decodes through the checking initialiser, so a checkpoint cannot smuggle in a bad shape.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      inputChannels: c.decode(Int.self, forKey: .inputChannels),
      height: c.decode(Int.self, forKey: .height), width: c.decode(Int.self, forKey: .width),
      classCount: c.decode(Int.self, forKey: .classCount),
      widths: c.decode([Int].self, forKey: .widths),
      usesBatchNorm: c.decode(Bool.self, forKey: .usesBatchNorm),
      labelSmoothing: c.decode(Double.self, forKey: .labelSmoothing),
      seed: c.decode(UInt64.self, forKey: .seed),
      initialization: c.decodeIfPresent(WeightInitialization.self, forKey: .initialization)
        ?? .kaimingNormal)
  }
}
