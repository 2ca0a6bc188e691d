import ArgumentParser
import PruneSignals
import PruneSweep

/// The synthetic signals' knobs (``LearnerConfiguration`` and ``ActivationConfiguration``), as
/// `simulate` options. Ignored when replaying logs.
struct SignalOptions: ParsableArguments {
  @Option(help: "Expected loss of an untrained sample, l_0.")
  var initialLoss: Double = 2.302585092994046

  @Option(help: "Expected loss a clean sample approaches, l_floor.")
  var lossFloor: Double = 0.01

  @Option(help: "Progress per weighted visit of a sample of difficulty 1, eta.")
  var learningSpeed: Double = 0.5

  @Option(help: "Progress of every sample per epoch-equivalent of global training, gamma.")
  var globalSpeed: Double = 0.01

  @Option(help: "Difficulty distribution: log-normal, gamma or constant.")
  var difficulty: DifficultyKind = .logNormal

  @Option(help: "Log-normal difficulty: median (or the constant's value).")
  var difficultyMedian: Double = 1

  @Option(help: "Log-normal difficulty: sigma of log d.")
  var difficultySigma: Double = 1

  @Option(help: "Gamma difficulty: shape (mean = shape x scale).")
  var difficultyShape: Double = 2

  @Option(help: "Gamma difficulty: scale.")
  var difficultyScale: Double = 0.5

  @Option(help: "Relative loss noise sigma: l = mu (1 + sigma eps).")
  var noise: Double = 0.1

  @Option(help: "Heavy-tailed noise: Student-t degrees of freedom nu (default: Gaussian).")
  var heavyTailNu: Double?

  @Option(help: "Share of mislabelled samples whose loss stays high.")
  var labelNoise: Double = 0

  @Option(help: "Chance per epoch of a forgetting event per sample.")
  var forgettingRate: Double = 0

  @Option(help: "Share of a sample's exposure one forgetting event erases.")
  var forgettingSize: Double = 0.5

  @Option(help: "Number of classes K.")
  var classes: Int = 10

  @Option(help: "Largest over smallest class size (1: balanced).")
  var imbalance: Double = 1

  @Flag(help: "Count every visit as 1 instead of its loss weight.")
  var unweightedVisits = false

  @Option(help: "Activation statistic: plateau level of Xbar.")
  var activationLevel: Double = 0.8

  @Option(help: "Activation statistic: height of the decaying part.")
  var activationAmplitude: Double = 0.2

  @Option(help: "Activation statistic: median decay time tau (epochs).")
  var activationDecay: Double = 10

  @Option(help: "Activation statistic: noise standard deviation.")
  var activationNoise: Double = 1e-6

  @Option(
    help: ArgumentHelp(
      "A learner file (`prunelab calibrate`): its knobs replace the learner options above.",
      valueName: "file"))
  var learner: String?

  /// These options as command-line arguments, every one explicit (for manifests).
  var canonicalArguments: [String] {
    var arguments = [
      "--initial-loss", "\(initialLoss)", "--loss-floor", "\(lossFloor)",
      "--learning-speed", "\(learningSpeed)", "--global-speed", "\(globalSpeed)",
      "--difficulty", difficulty.rawValue, "--difficulty-median", "\(difficultyMedian)",
      "--difficulty-sigma", "\(difficultySigma)", "--difficulty-shape", "\(difficultyShape)",
      "--difficulty-scale", "\(difficultyScale)", "--noise", "\(noise)",
    ]
    if let heavyTailNu { arguments += ["--heavy-tail-nu", "\(heavyTailNu)"] }
    arguments += [
      "--label-noise", "\(labelNoise)", "--forgetting-rate", "\(forgettingRate)",
      "--forgetting-size", "\(forgettingSize)", "--classes", "\(classes)",
      "--imbalance", "\(imbalance)",
    ]
    if unweightedVisits { arguments.append("--unweighted-visits") }
    arguments += [
      "--activation-level", "\(activationLevel)", "--activation-amplitude",
      "\(activationAmplitude)", "--activation-decay", "\(activationDecay)",
      "--activation-noise", "\(activationNoise)",
    ]
    if let learner { arguments += ["--learner", learner] }
    return arguments
  }

  enum DifficultyKind: String, ExpressibleByArgument, CaseIterable {
    case logNormal = "log-normal"
    case gamma
    case constant
  }

  /// The learner's configuration: the learner file's with `--learner`, else the options'.
  /// - Throws: ``PruneSignalsError/outOfRange(parameter:value:allowed:)``;
  ///   ``PruneSweep/PruneSweepError/badLearnerFile(path:reason:)``.
  func learnerConfiguration() throws -> LearnerConfiguration {
    if let learner { return try LearnerFile.read(path: learner) }
    let distribution: DifficultyDistribution
    switch difficulty {
    case .logNormal: distribution = .logNormal(median: difficultyMedian, sigma: difficultySigma)
    case .gamma: distribution = .gamma(shape: difficultyShape, scale: difficultyScale)
    case .constant: distribution = .constant(difficultyMedian)
    }
    return try LearnerConfiguration(
      initialLoss: initialLoss, lossFloor: lossFloor, learningSpeed: learningSpeed,
      globalSpeed: globalSpeed, difficulty: distribution, noiseLevel: noise,
      heavyTailDegrees: heavyTailNu, labelNoiseFraction: labelNoise,
      forgettingRate: forgettingRate, forgettingSize: forgettingSize, classCount: classes,
      imbalanceRatio: imbalance, weightsCountAsVisits: !unweightedVisits)
  }

  /// The activation generator's configuration.
  /// - Throws: ``PruneSignalsError/outOfRange(parameter:value:allowed:)``.
  func activationConfiguration() throws -> ActivationConfiguration {
    try ActivationConfiguration(
      level: activationLevel, amplitude: activationAmplitude, decayEpochs: activationDecay,
      noiseLevel: activationNoise)
  }
}
