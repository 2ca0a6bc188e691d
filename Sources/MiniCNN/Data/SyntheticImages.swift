import PruneCore

#if canImport(Glibc)
import Glibc
#endif

/// A generated image classification set with known per-sample difficulty (cnn.md "Synthetic
/// images"): per-class prototype patterns mixed toward a partner class and blurred by noise,
/// with label noise, class imbalance and duplicates recorded per sample.
public struct SyntheticImageSet: Sendable {
  /// The knobs it was made with.
  public let configuration: SyntheticImageConfiguration
  /// The training set (raw: prototypes have mean 0 and std 1; normalise like any set).
  public let train: ImageDataset
  /// The test set: balanced, true labels, no duplicates, same difficulty distribution.
  public let test: ImageDataset
  /// The ground truth of each training sample, parallel to `train`.
  public let trainSamples: [SyntheticSample]
  /// The class prototypes, K images of C x H x W.
  public let prototypes: [Float]

  /// Generates the set; a pure function of `configuration` (its seed included).
  ///
  /// Image of a sample of class k, partner q != k (uniform), difficulty d ~ U[0, 1):
  /// ```
  /// m = classOverlap * d
  /// x = (1 - m) P_k + m P_q + noiseLevel * (0.5 + d) * eps,   eps ~ N(0, I)
  /// ```
  /// Training set, in order of draws: class counts by largest remainder from shares
  /// rho^(-k/(K-1)), at least 1 each (so an extreme rho with a tiny N adds a sample); duplicate counts per class by largest remainder (at most n_k - 1); the
  /// originals class by class; round(labelNoiseFraction x originals) originals relabelled to a
  /// uniform other class; each duplicate copies a uniform original of its class (image, label
  /// and flags); finally the order is shuffled.
  ///
  /// - Complexity: O((N + test) C H W).
  public init(_ configuration: SyntheticImageConfiguration) {
    self.configuration = configuration
    let prototypes = Self.makePrototypes(configuration)
    self.prototypes = prototypes
    var generator = SeededGenerator(seed: configuration.seed, stream: 2)
    let (train, samples) = Self.makeTrainingSet(configuration, prototypes, &generator)
    self.train = train
    self.trainSamples = samples
    var testGenerator = SeededGenerator(seed: configuration.seed, stream: 3)
    self.test = Self.makeTestSet(configuration, prototypes, &testGenerator)
  }

  /// Per class and channel: two random gratings and a Gaussian blob, standardised to mean 0 and
  /// standard deviation 1 over the plane.
  static func makePrototypes(_ configuration: SyntheticImageConfiguration) -> [Float] {
    let (h, w) = (configuration.height, configuration.width)
    var generator = SeededGenerator(seed: configuration.seed, stream: 1)
    var prototypes: [Float] = []
    prototypes.reserveCapacity(configuration.classCount * configuration.channels * h * w)
    var plane = [Double](repeating: 0, count: h * w)
    for _ in 0..<configuration.classCount * configuration.channels {
      for i in plane.indices { plane[i] = 0 }
      for _ in 0..<2 {
        var fx = 0
        var fy = 0
        while fx == 0 && fy == 0 {
          fx = generator.nextIndex(below: 7) - 3
          fy = generator.nextIndex(below: 7) - 3
        }
        let phase = 2 * Double.pi * generator.nextUnit()
        let amplitude = 0.5 + 0.5 * generator.nextUnit()
        for y in 0..<h {
          for x in 0..<w {
            let angle = 2 * Double.pi * (Double(fx * x) / Double(w) + Double(fy * y) / Double(h))
            plane[y * w + x] += amplitude * cos(angle + phase)
          }
        }
      }
      let centerY = generator.nextUnit() * Double(h)
      let centerX = generator.nextUnit() * Double(w)
      let radius = (1.5 + 1.5 * generator.nextUnit()) * Double(min(h, w)) / 16
      let height = (generator.next() >> 63 == 0 ? 1.0 : -1.0) * (1 + generator.nextUnit())
      for y in 0..<h {
        for x in 0..<w {
          let r2 = (Double(y) - centerY) * (Double(y) - centerY)
            + (Double(x) - centerX) * (Double(x) - centerX)
          plane[y * w + x] += height * exp(-r2 / (2 * radius * radius))
        }
      }
      var mean = 0.0
      for v in plane { mean += v }
      mean /= Double(plane.count)
      var variance = 0.0
      for v in plane { variance += (v - mean) * (v - mean) }
      let deviation = (variance / Double(plane.count)).squareRoot()
      let scale = deviation > 0 ? 1 / deviation : 1
      for v in plane { prototypes.append(Float((v - mean) * scale)) }
    }
    return prototypes
  }

  /// One sample's latent draws: difficulty, partner class, mixing weight.
  private struct Latent {
    var difficulty: Double
    var partner: Int
    var mixing: Double
  }

  /// Draws a sample of class `k` and appends its pixels.
  private static func appendSample(
    ofClass k: Int, _ configuration: SyntheticImageConfiguration, _ prototypes: [Float],
    _ generator: inout SeededGenerator, into pixels: inout [Float]
  ) -> Latent {
    let size = configuration.channels * configuration.height * configuration.width
    let d = generator.nextUnit()
    var q = generator.nextIndex(below: configuration.classCount - 1)
    if q >= k { q += 1 }
    let m = configuration.classOverlap * d
    let sigma = configuration.noiseLevel * (0.5 + d)
    let own = k * size
    let partner = q * size
    for i in 0..<size {
      let clean = (1 - m) * Double(prototypes[own + i]) + m * Double(prototypes[partner + i])
      pixels.append(Float(clean + sigma * generator.nextGaussian()))
    }
    return Latent(difficulty: d, partner: q, mixing: m)
  }

  static func makeTrainingSet(
    _ configuration: SyntheticImageConfiguration, _ prototypes: [Float],
    _ generator: inout SeededGenerator
  ) -> (ImageDataset, [SyntheticSample]) {
    let classCount = configuration.classCount
    let n = configuration.sampleCount
    let size = configuration.channels * configuration.height * configuration.width
    let rho = configuration.imbalanceRatio
    let shares = (0..<classCount).map { pow(rho, -Double($0) / Double(classCount - 1)) }
    let classCounts = Apportionment.parts(of: n, shares: shares).map { max($0, 1) }
    let duplicateTotal = Int((configuration.duplicateFraction * Double(n)).rounded())
    let duplicateCounts = zip(
      Apportionment.parts(of: duplicateTotal, shares: classCounts.map(Double.init)), classCounts
    ).map { min($0, $1 - 1) }

    // Originals, class by class.
    var pixels: [Float] = []
    pixels.reserveCapacity(classCounts.reduce(0, +) * size)
    var trueLabels: [Int] = []
    var latents: [Latent] = []
    for k in 0..<classCount {
      for _ in 0..<(classCounts[k] - duplicateCounts[k]) {
        latents.append(appendSample(ofClass: k, configuration, prototypes, &generator, into: &pixels))
        trueLabels.append(k)
      }
    }
    let originalCount = trueLabels.count

    // Label noise on the originals: a uniform subset, each relabelled to a uniform other class.
    var labels = trueLabels
    var flipped = [Bool](repeating: false, count: originalCount)
    let flipCount = Int((configuration.labelNoiseFraction * Double(originalCount)).rounded())
    var pool = Array(0..<originalCount)
    for i in 0..<flipCount {
      let j = i + generator.nextIndex(below: originalCount - i)
      pool.swapAt(i, j)
      let index = pool[i]
      var newLabel = generator.nextIndex(below: classCount - 1)
      if newLabel >= trueLabels[index] { newLabel += 1 }
      labels[index] = newLabel
      flipped[index] = true
    }

    // Duplicates: exact copies of uniform originals of the same true class.
    var firstOriginal = [Int](repeating: 0, count: classCount + 1)
    for k in 0..<classCount {
      firstOriginal[k + 1] = firstOriginal[k] + classCounts[k] - duplicateCounts[k]
    }
    var sources: [Int?] = [Int?](repeating: nil, count: originalCount)
    for k in 0..<classCount {
      for _ in 0..<duplicateCounts[k] {
        let source = firstOriginal[k]
          + generator.nextIndex(below: firstOriginal[k + 1] - firstOriginal[k])
        pixels.append(contentsOf: pixels[source * size..<(source + 1) * size])
        sources.append(source)
      }
    }

    // Shuffle the order; position p holds generated sample order[p].
    let total = sources.count
    var order = Array(0..<total)
    order.seededShuffle(using: &generator)
    var positionOf = [Int](repeating: 0, count: total)
    for (position, sample) in order.enumerated() { positionOf[sample] = position }
    var shuffledPixels: [Float] = []
    shuffledPixels.reserveCapacity(total * size)
    var shuffledLabels: [Int] = []
    shuffledLabels.reserveCapacity(total)
    var records: [SyntheticSample] = []
    records.reserveCapacity(total)
    for sample in order {
      let origin = sources[sample] ?? sample
      shuffledPixels.append(contentsOf: pixels[sample * size..<(sample + 1) * size])
      shuffledLabels.append(labels[origin])
      records.append(
        SyntheticSample(
          trueLabel: trueLabels[origin], label: labels[origin],
          difficulty: latents[origin].difficulty, mixingWeight: latents[origin].mixing,
          partnerClass: latents[origin].partner, isLabelFlipped: flipped[origin],
          duplicateOf: sources[sample].map { positionOf[$0] }))
    }
    let dataset = ImageDataset(
      unchecked: configuration.channels, configuration.height, configuration.width, classCount,
      pixels: shuffledPixels, labels: shuffledLabels)
    return (dataset, records)
  }

  static func makeTestSet(
    _ configuration: SyntheticImageConfiguration, _ prototypes: [Float],
    _ generator: inout SeededGenerator
  ) -> ImageDataset {
    let counts = Apportionment.parts(
      of: configuration.testSampleCount,
      shares: [Double](repeating: 1, count: configuration.classCount))
    var pixels: [Float] = []
    pixels.reserveCapacity(
      configuration.testSampleCount * configuration.channels * configuration.height
        * configuration.width)
    var labels: [Int] = []
    labels.reserveCapacity(configuration.testSampleCount)
    for (k, count) in counts.enumerated() {
      for _ in 0..<count {
        _ = appendSample(ofClass: k, configuration, prototypes, &generator, into: &pixels)
        labels.append(k)
      }
    }
    var order = Array(0..<labels.count)
    order.seededShuffle(using: &generator)
    let dataset = ImageDataset(
      unchecked: configuration.channels, configuration.height, configuration.width,
      configuration.classCount, pixels: pixels, labels: labels)
    return dataset.subset(at: order)
  }
}
