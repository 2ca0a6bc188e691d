import PruneCore
import Testing

@testable import MiniCNN

@Suite struct DatasetSubsetTests {
  /// 100 one-pixel images: class k holds 10 images whose pixel is their index.
  func tenPerClass() throws -> ImageDataset {
    try ImageDataset(
      channels: 1, height: 1, width: 1, classCount: 10,
      pixels: (0..<100).map(Float.init), labels: (0..<100).map { $0 % 10 })
  }

  @Test func stratifiedSubsetHasEqualSharesAndTheRemainderGoesLow() throws {
    let set = try tenPerClass()
    let subset = try set.stratifiedSubset(count: 43, seed: 7)
    #expect(subset.classCounts == [5, 5, 5, 4, 4, 4, 4, 4, 4, 4])
    let indices = try set.stratifiedSubsetIndices(count: 43, seed: 7)
    #expect(indices == indices.sorted())
    #expect(Set(indices).count == 43)
    #expect(subset.pixels == indices.map(Float.init))
  }

  @Test func stratifiedSubsetIsAFunctionOfItsSeed() throws {
    let set = try tenPerClass()
    let first = try set.stratifiedSubsetIndices(count: 30, seed: 1)
    #expect(try set.stratifiedSubsetIndices(count: 30, seed: 1) == first)
    #expect(try set.stratifiedSubsetIndices(count: 30, seed: 2) != first)
  }

  @Test(arguments: [0, 101])
  func rejectsASubsetSizeOutOfRange(count: Int) throws {
    let error = try #require(throws: MiniCNNError.self) {
      try tenPerClass().stratifiedSubsetIndices(count: count, seed: 0)
    }
    #expect(error.description.contains("subset = \(Double(count))"))
  }

  @Test func rejectsAShareLargerThanAClass() throws {
    let set = try ImageDataset(
      channels: 1, height: 1, width: 1, classCount: 2, pixels: [0, 1, 2, 3], labels: [0, 0, 0, 1])
    let error = try #require(throws: MiniCNNError.self) {
      try set.stratifiedSubsetIndices(count: 4, seed: 0)
    }
    #expect(error.description.contains("class 1 has 1 images but its equal share of 4 is 2"))
  }

  @Test func rejectsALabelOutsideTheClasses() {
    #expect(throws: MiniCNNError.self) {
      try ImageDataset(
        channels: 1, height: 1, width: 1, classCount: 2, pixels: [0, 1], labels: [0, 2])
    }
  }

  @Test func normalisationGivesZeroMeanAndUnitDeviation() throws {
    // Channel 0 holds 1, 3 (mean 2, std 1); channel 1 holds 10, 10 (constant: std 1).
    let set = try ImageDataset(
      channels: 2, height: 1, width: 1, classCount: 1, pixels: [1, 10, 3, 10], labels: [0, 0])
    let normalization = ImageNormalization(fitting: set)
    #expect(normalization.mean == [2, 10])
    #expect(normalization.standardDeviation == [1, 1])
    #expect(normalization.applied(to: set).pixels == [-1, 0, 1, 0])
    #expect(normalization.normalizedZero == [-2, -10])
  }

  @Test func gatherCopiesImagesAndLabelsInOrder() throws {
    let set = try ImageDataset(
      channels: 1, height: 1, width: 2, classCount: 3, pixels: [0, 1, 2, 3, 4, 5],
      labels: [0, 1, 2])
    var pixels = [Float](repeating: -1, count: 6)
    var labels = [Int](repeating: -1, count: 3)
    pixels.withUnsafeMutableBufferPointer { p in
      labels.withUnsafeMutableBufferPointer { l in set.gather([2, 0], into: p, labels: l) }
    }
    #expect(pixels == [4, 5, 0, 1, -1, -1])
    #expect(labels == [2, 0, -1])
  }
}
