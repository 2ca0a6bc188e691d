import ArgumentParser
import MiniCNN

/// The synthetic image generator's knobs on the command line (`--dataset synthetic`; cnn.md
/// "Synthetic images"). The defaults are the T1 workload: 1 x 16 x 16, 2,000 samples.
struct TrainSyntheticOptions: ParsableArguments {
  @Option(help: "Training images generated.")
  var syntheticSamples: Int = 2_000

  @Option(help: "Test images generated (balanced, clean labels).")
  var syntheticTestSamples: Int = 1_000

  @Option(help: "Side of the square images, in pixels.")
  var imageSize: Int = 16

  @Option(help: "Number of classes.")
  var classes: Int = 10

  @Option(help: "Pixel noise sigma; a sample of difficulty d gets sigma (0.5 + d).")
  var noiseLevel: Double = 1.0

  @Option(help: "Largest mixing weight toward another class's prototype, [0, 1].")
  var classOverlap: Double = 0.5

  @Option(help: "Share of training labels replaced by another class, [0, 1).")
  var labelNoise: Double = 0

  @Option(help: "Largest over smallest class size, >= 1.")
  var imbalance: Double = 1

  @Option(help: "Share of training images that are exact copies of another, [0, 0.9].")
  var duplicates: Double = 0

  /// The generator's configuration.
  /// - Throws: ``MiniCNNError`` naming the knob out of range.
  func configuration(seed: UInt64) throws -> SyntheticImageConfiguration {
    try SyntheticImageConfiguration(
      sampleCount: syntheticSamples, testSampleCount: syntheticTestSamples, classCount: classes,
      height: imageSize, width: imageSize, noiseLevel: noiseLevel, classOverlap: classOverlap,
      labelNoiseFraction: labelNoise, imbalanceRatio: imbalance, duplicateFraction: duplicates,
      seed: seed)
  }

  /// The options as arguments, every value explicit (for the manifest's command).
  var canonicalArguments: [String] {
    [
      "--synthetic-samples", "\(syntheticSamples)", "--synthetic-test-samples",
      "\(syntheticTestSamples)", "--image-size", "\(imageSize)", "--classes", "\(classes)",
      "--noise-level", "\(noiseLevel)", "--class-overlap", "\(classOverlap)", "--label-noise",
      "\(labelNoise)", "--imbalance", "\(imbalance)", "--duplicates", "\(duplicates)",
    ]
  }
}
