import PruneCore
import Testing

@testable import MiniCNN

@Suite struct DatasetAugmentationTests {
  /// One 1 x 3 x 3 image holding 1...9.
  let image: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]

  func augment(_ augmentation: ImageAugmentation, images: [Float], count: Int, seed: UInt64)
    -> [Float]
  {
    var result = images
    var scratch: [Float] = []
    var generator = SeededGenerator(seed: seed)
    result.withUnsafeMutableBufferPointer { p in
      augmentation.apply(
        to: p, count: count, channels: 1, height: 3, width: 3, scratch: &scratch,
        using: &generator)
    }
    return result
  }

  @Test func noneChangesNothing() {
    #expect(augment(.none, images: image, count: 1, seed: 0) == image)
  }

  @Test func flipsAboutHalfTheImagesExactly() throws {
    let flip = try ImageAugmentation(horizontalFlip: true)
    let count = 400
    let images = (0..<count).flatMap { _ in image }
    let out = augment(flip, images: images, count: count, seed: 3)
    var flipped = 0
    for n in 0..<count {
      let one = Array(out[n * 9..<(n + 1) * 9])
      if one == [3, 2, 1, 6, 5, 4, 9, 8, 7] {
        flipped += 1
      } else {
        #expect(one == image)
      }
    }
    #expect(flipped > 150 && flipped < 250)
  }

  @Test func cropsShiftTheImageAndFillWithTheFillValue() throws {
    let crop = try ImageAugmentation(cropPadding: 1, fillValue: [-7])
    let count = 200
    let images = (0..<count).flatMap { _ in image }
    let out = augment(crop, images: images, count: count, seed: 5)
    // Every result is one of the nine shifts of the image.
    var seen = Set<[Float]>()
    for n in 0..<count {
      let one = Array(out[n * 9..<(n + 1) * 9])
      seen.insert(one)
      #expect(one.filter { $0 != -7 }.allSatisfy { image.contains($0) })
    }
    #expect(seen.count == 9)
    #expect(seen.contains([5, 6, -7, 8, 9, -7, -7, -7, -7]))  // dy = dx = +1
  }

  @Test func isAFunctionOfTheSeed() throws {
    let both = try ImageAugmentation(cropPadding: 1, horizontalFlip: true)
    let images = (0..<20).flatMap { _ in image }
    #expect(augment(both, images: images, count: 20, seed: 9)
      == augment(both, images: images, count: 20, seed: 9))
    #expect(augment(both, images: images, count: 20, seed: 9)
      != augment(both, images: images, count: 20, seed: 10))
  }

  @Test func rejectsANegativePadding() {
    #expect(throws: MiniCNNError.outOfRange(
      parameter: "cropPadding", value: -1, allowed: "0...16 pixels")
    ) { try ImageAugmentation(cropPadding: -1) }
  }
}
