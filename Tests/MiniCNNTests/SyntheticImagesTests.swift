import Testing

@testable import MiniCNN

@Suite struct SyntheticImagesTests {
  func make(
    sampleCount: Int = 600, labelNoise: Double = 0, imbalance: Double = 1,
    duplicates: Double = 0, overlap: Double = 0.5, seed: UInt64 = 1
  ) throws -> SyntheticImageSet {
    SyntheticImageSet(
      try SyntheticImageConfiguration(
        sampleCount: sampleCount, testSampleCount: 100, height: 8, width: 8,
        classOverlap: overlap, labelNoiseFraction: labelNoise, imbalanceRatio: imbalance,
        duplicateFraction: duplicates, seed: seed))
  }

  @Test func theT1DefaultsAreTheSpecWorkload() throws {
    let configuration = try SyntheticImageConfiguration()
    #expect(configuration.sampleCount == 2_000)
    #expect((configuration.channels, configuration.height, configuration.width) == (1, 16, 16))
  }

  @Test func isAFunctionOfItsSeed() throws {
    let first = try make(labelNoise: 0.1, duplicates: 0.1, seed: 4)
    let again = try make(labelNoise: 0.1, duplicates: 0.1, seed: 4)
    #expect(first.train == again.train)
    #expect(first.test == again.test)
    #expect(first.trainSamples == again.trainSamples)
    let other = try make(labelNoise: 0.1, duplicates: 0.1, seed: 5)
    #expect(other.train.pixels != first.train.pixels)
  }

  @Test func prototypesAreStandardised() throws {
    let set = try make()
    let size = 64
    for k in 0..<10 {
      let plane = set.prototypes[k * size..<(k + 1) * size].map(Double.init)
      let mean = plane.reduce(0, +) / Double(size)
      let variance = plane.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(size)
      #expect(abs(mean) < 1e-5)
      #expect(abs(variance - 1) < 1e-4)
    }
  }

  @Test func cleanSetHasNoFlipsNoDuplicatesAndBalancedClasses() throws {
    let set = try make()
    #expect(set.train.sampleCount == 600)
    #expect(set.train.classCounts == [Int](repeating: 60, count: 10))
    #expect(set.trainSamples.allSatisfy { !$0.isLabelFlipped && !$0.isDuplicate })
    #expect(set.trainSamples.allSatisfy { $0.label == $0.trueLabel })
    #expect(set.test.classCounts == [Int](repeating: 10, count: 10))
  }

  @Test(arguments: [0.1, 0.25, 0.4])
  func labelNoiseFlipsTheRecordedFractionToAnotherClass(fraction: Double) throws {
    let set = try make(labelNoise: fraction)
    let flipped = set.trainSamples.filter(\.isLabelFlipped)
    #expect(flipped.count == Int((fraction * 600).rounded()))
    #expect(flipped.allSatisfy { $0.label != $0.trueLabel })
    #expect(set.trainSamples.filter { !$0.isLabelFlipped }.allSatisfy { $0.label == $0.trueLabel })
    #expect(zip(set.train.labels, set.trainSamples).allSatisfy { $0 == $1.label })
  }

  @Test(arguments: [2.0, 10.0, 100.0])
  func imbalanceRatioSetsLargestOverSmallestClass(ratio: Double) throws {
    let set = try make(sampleCount: 2_000, imbalance: ratio)
    let counts = set.train.classCounts
    #expect(counts.reduce(0, +) == 2_000)
    #expect(counts == counts.sorted(by: >))
    let realised = Double(counts[0]) / Double(counts[9])
    #expect(abs(realised - ratio) / ratio < 0.15)
  }

  @Test func duplicatesAreExactCopiesOfAnOriginalOfTheSameClass() throws {
    let set = try make(labelNoise: 0.2, duplicates: 0.3)
    let duplicates = set.trainSamples.enumerated().filter { $0.element.isDuplicate }
    #expect(duplicates.count == 180)
    for (index, sample) in duplicates {
      let source = try #require(sample.duplicateOf)
      #expect(!set.trainSamples[source].isDuplicate)
      #expect(set.train.image(at: index) == set.train.image(at: source))
      #expect(set.train.labels[index] == set.train.labels[source])
      #expect(sample == SyntheticSample(
        trueLabel: set.trainSamples[source].trueLabel, label: set.trainSamples[source].label,
        difficulty: set.trainSamples[source].difficulty,
        mixingWeight: set.trainSamples[source].mixingWeight,
        partnerClass: set.trainSamples[source].partnerClass,
        isLabelFlipped: set.trainSamples[source].isLabelFlipped, duplicateOf: source))
    }
    // Originals are all distinct images.
    let originals = (0..<600).filter { !set.trainSamples[$0].isDuplicate }
    #expect(Set(originals.map { Array(set.train.image(at: $0)) }).count == originals.count)
  }

  @Test func difficultyMovesImagesAwayFromTheirPrototype() throws {
    let set = try make(sampleCount: 1_000)
    var easy: [Double] = []
    var hard: [Double] = []
    for (index, sample) in set.trainSamples.enumerated() {
      let prototype = set.prototypes[sample.trueLabel * 64..<(sample.trueLabel + 1) * 64]
      var distance = 0.0
      for (x, p) in zip(set.train.image(at: index), prototype) {
        distance += Double(x - p) * Double(x - p)
      }
      #expect(sample.mixingWeight == 0.5 * sample.difficulty)
      #expect(sample.partnerClass != sample.trueLabel)
      if sample.difficulty < 0.25 { easy.append(distance) }
      if sample.difficulty > 0.75 { hard.append(distance) }
    }
    let easyMean = easy.reduce(0, +) / Double(easy.count)
    let hardMean = hard.reduce(0, +) / Double(hard.count)
    #expect(hardMean > 2 * easyMean)
  }

  @Test(arguments: [
    ("labelNoiseFraction", 1.0), ("imbalanceRatio", 0.5), ("duplicateFraction", 0.95),
    ("classOverlap", -0.1), ("noiseLevel", .nan),
  ])
  func rejectsAKnobOutOfRange(name: String, value: Double) {
    let error = #expect(throws: MiniCNNError.self) {
      switch name {
      case "labelNoiseFraction": _ = try SyntheticImageConfiguration(labelNoiseFraction: value)
      case "imbalanceRatio": _ = try SyntheticImageConfiguration(imbalanceRatio: value)
      case "duplicateFraction": _ = try SyntheticImageConfiguration(duplicateFraction: value)
      case "classOverlap": _ = try SyntheticImageConfiguration(classOverlap: value)
      default: _ = try SyntheticImageConfiguration(noiseLevel: value)
      }
    }
    #expect(error?.description.hasPrefix("\(name) = ") == true)
  }

  @Test func trainingDataSubsetsAndNormalises() throws {
    let configuration = try SyntheticImageConfiguration(
      sampleCount: 400, testSampleCount: 50, height: 8, width: 8, seed: 2)
    let data = try TrainingData.load(.synthetic(configuration), trainSubset: 100, seed: 3)
    #expect(data.train.sampleCount == 100)
    #expect(data.train.classCounts == [Int](repeating: 10, count: 10))
    #expect(data.syntheticTruth?.count == 100)
    let refit = ImageNormalization(fitting: data.train)
    #expect(abs(refit.mean[0]) < 1e-5)
    #expect(abs(refit.standardDeviation[0] - 1) < 1e-5)
    let indices = try #require(data.trainSourceIndices)
    let full = SyntheticImageSet(configuration)
    #expect(indices.map { full.train.labels[$0] } == data.train.labels)
  }
}
