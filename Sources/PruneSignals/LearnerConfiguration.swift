/// The knobs of the simulated learner (``SyntheticLearner``); each is checked on construction.
///
/// The defaults describe a CIFAR-like 10-class problem: losses start at ln 10 ≈ 2.303, a sample of
/// difficulty 1 loses about 40 % of its excess loss per visit, and difficulty is log-normal with a
/// long tail of hard samples.
public struct LearnerConfiguration: Sendable, Hashable {
  /// ℓ_0: the expected loss of an untrained sample (ln K for a K-class classifier at chance).
  public let initialLoss: Double
  /// ℓ_floor: the expected loss a clean sample approaches after much training.
  public let lossFloor: Double
  /// η: progress per weighted visit of a sample of difficulty 1.
  public let learningSpeed: Double
  /// γ: progress of every sample per unit of global training (one epoch of full data = 1), the
  /// slow "the model generalises from the other samples" component.
  public let globalSpeed: Double
  /// How difficulty d_i is spread over the samples.
  public let difficulty: DifficultyDistribution
  /// σ: relative noise of one loss measurement, ℓ = μ (1 + σ ε).
  public let noiseLevel: Double
  /// ν: when set, ε is Student-t with ν degrees of freedom (heavy tails) instead of Normal(0, 1).
  public let heavyTailDegrees: Double?
  /// q: the fraction of samples with a wrong label, whose expected loss stays at ``noisyLoss``.
  public let labelNoiseFraction: Double
  /// The expected loss of a mislabelled sample (defaults to ``initialLoss``).
  public let noisyLoss: Double
  /// The chance per epoch that a sample has a forgetting event.
  public let forgettingRate: Double
  /// The share of a sample's accumulated exposure one forgetting event erases.
  public let forgettingSize: Double
  /// K, the number of classes.
  public let classCount: Int
  /// Largest over smallest class size; 1 is balanced (class k gets a share ∝ ratio^(-k/(K-1))).
  public let imbalanceRatio: Double
  /// When true a visit with loss weight w counts as w visits (a doubled loss doubles the step);
  /// when false every visit counts 1.
  public let weightsCountAsVisits: Bool

  /// - Throws: ``PruneSignalsError/outOfRange(parameter:value:allowed:)`` naming the knob.
  public init(
    initialLoss: Double = 2.302585092994046,
    lossFloor: Double = 0.01,
    learningSpeed: Double = 0.5,
    globalSpeed: Double = 0.01,
    difficulty: DifficultyDistribution = .logNormal(median: 1, sigma: 1),
    noiseLevel: Double = 0.1,
    heavyTailDegrees: Double? = nil,
    labelNoiseFraction: Double = 0,
    noisyLoss: Double? = nil,
    forgettingRate: Double = 0,
    forgettingSize: Double = 0.5,
    classCount: Int = 10,
    imbalanceRatio: Double = 1,
    weightsCountAsVisits: Bool = true
  ) throws {
    try requirePositive(initialLoss, "initialLoss")
    guard lossFloor >= 0, lossFloor <= initialLoss else {
      throw PruneSignalsError.outOfRange(
        parameter: "lossFloor", value: lossFloor, allowed: "[0, initialLoss = \(initialLoss)]")
    }
    try Self.require(learningSpeed, "learningSpeed", in: 0...1e6)
    try Self.require(globalSpeed, "globalSpeed", in: 0...1e6)
    try Self.require(noiseLevel, "noiseLevel", in: 0...100)
    if let heavyTailDegrees {
      try Self.require(heavyTailDegrees, "heavyTailDegrees", in: 0.1...1e6)
    }
    try Self.require(labelNoiseFraction, "labelNoiseFraction", in: 0...1)
    let noisy = noisyLoss ?? initialLoss
    try requirePositive(noisy, "noisyLoss")
    try Self.require(forgettingRate, "forgettingRate", in: 0...1)
    try Self.require(forgettingSize, "forgettingSize", in: 0...1)
    guard classCount >= 1, classCount <= 1_000_000 else {
      throw PruneSignalsError.outOfRange(
        parameter: "classCount", value: Double(classCount), allowed: "an integer in 1...1000000")
    }
    try Self.require(imbalanceRatio, "imbalanceRatio", in: 1...1e9)
    self.initialLoss = initialLoss
    self.lossFloor = lossFloor
    self.learningSpeed = learningSpeed
    self.globalSpeed = globalSpeed
    self.difficulty = try difficulty.validated()
    self.noiseLevel = noiseLevel
    self.heavyTailDegrees = heavyTailDegrees
    self.labelNoiseFraction = labelNoiseFraction
    self.noisyLoss = noisy
    self.forgettingRate = forgettingRate
    self.forgettingSize = forgettingSize
    self.classCount = classCount
    self.imbalanceRatio = imbalanceRatio
    self.weightsCountAsVisits = weightsCountAsVisits
  }

  private static func require(
    _ value: Double, _ parameter: String, in range: ClosedRange<Double>
  ) throws {
    guard range.contains(value) else {  // NaN fails too
      throw PruneSignalsError.outOfRange(
        parameter: parameter, value: value,
        allowed: "[\(range.lowerBound), \(range.upperBound)]")
    }
  }

  /// Every knob by name, for manifests.
  public var parameters: [String: String] {
    [
      "initialLoss": "\(initialLoss)", "lossFloor": "\(lossFloor)",
      "learningSpeed": "\(learningSpeed)", "globalSpeed": "\(globalSpeed)",
      "difficulty": difficulty.summary, "noiseLevel": "\(noiseLevel)",
      "heavyTailDegrees": heavyTailDegrees.map { "\($0)" } ?? "none (Gaussian)",
      "labelNoiseFraction": "\(labelNoiseFraction)", "noisyLoss": "\(noisyLoss)",
      "forgettingRate": "\(forgettingRate)", "forgettingSize": "\(forgettingSize)",
      "classCount": "\(classCount)", "imbalanceRatio": "\(imbalanceRatio)",
      "weightsCountAsVisits": "\(weightsCountAsVisits)",
    ]
  }
}
