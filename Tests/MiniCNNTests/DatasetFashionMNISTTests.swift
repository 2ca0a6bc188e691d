import Testing

@testable import MiniCNN

#if canImport(Glibc)
import Glibc
#endif

@Suite struct DatasetFashionMNISTTests {
  /// Writes a 4-image Fashion-MNIST-shaped split (3 x 2 images) into `folder`.
  func writeTinySplit(
    _ split: FashionMNIST.Split, in folder: TemporaryFolder, labels: [UInt8] = [0, 9, 4, 4]
  ) throws {
    let pixels = (0..<(4 * 3 * 2)).map { UInt8($0 * 10) }
    try IDXFile.write(
      IDXArray(dimensions: [4, 3, 2], bytes: pixels),
      to: folder.file("\(split.rawValue)-images-idx3-ubyte.gz"))
    try IDXFile.write(
      IDXArray(dimensions: [labels.count], bytes: labels),
      to: folder.file("\(split.rawValue)-labels-idx1-ubyte.gz"))
  }

  @Test func loadsAGeneratedSplitScaledToTheUnitInterval() throws {
    let folder = try TemporaryFolder()
    try writeTinySplit(.train, in: folder)
    let set = try FashionMNIST.load(.train, directory: folder.path)
    #expect(set.sampleCount == 4)
    #expect((set.channels, set.height, set.width) == (1, 3, 2))
    #expect(set.labels == [0, 9, 4, 4])
    #expect(set.pixels[1] == Float(10) / 255)
    #expect(set.pixels[23] == Float(230) / 255)
    #expect(set.classCounts == [1, 0, 0, 0, 2, 0, 0, 0, 0, 1])
  }

  @Test func rejectsLabelsThatDisagreeInCount() throws {
    let folder = try TemporaryFolder()
    try writeTinySplit(.test, in: folder, labels: [1, 2, 3])
    let error = try #require(throws: MiniCNNError.self) {
      try FashionMNIST.load(.test, directory: folder.path)
    }
    #expect(error == .corruptField(
      path: folder.file("t10k-labels-idx1-ubyte.gz"), field: "number of labels", value: 3,
      expected: "4, the number of images in \(folder.file("t10k-images-idx3-ubyte.gz"))"))
  }

  @Test func rejectsALabelAboveNine() throws {
    let folder = try TemporaryFolder()
    try writeTinySplit(.train, in: folder, labels: [0, 1, 12, 3])
    let error = try #require(throws: MiniCNNError.self) {
      try FashionMNIST.load(.train, directory: folder.path)
    }
    #expect(error.description.contains("label of sample 2 = 12"))
  }

  @Test func labelFileInPlaceOfImagesNamesTheMagicNumber() throws {
    let folder = try TemporaryFolder()
    try writeTinySplit(.train, in: folder)
    let labels = try readRawFile(folder.file("train-labels-idx1-ubyte.gz"))
    try writeRawFile(labels, to: folder.file("train-images-idx3-ubyte.gz"))
    let error = try #require(throws: MiniCNNError.self) {
      try FashionMNIST.load(.train, directory: folder.path)
    }
    #expect(error == .wrongMagicNumber(
      path: folder.file("train-images-idx3-ubyte.gz"), found: 2049, expected: 2051))
  }

  /// Reads the installed files; skipped when `dataset-fashion-mnist` is not installed.
  @Test(
    .enabled(if: access(
      "\(FashionMNIST.defaultDirectory)/t10k-images-idx3-ubyte.gz", R_OK) == 0))
  func readsTheInstalledTestSplit() throws {
    let test = try FashionMNIST.load(.test)
    #expect(test.sampleCount == 10_000)
    #expect((test.channels, test.height, test.width) == (1, 28, 28))
    #expect(test.classCounts == [Int](repeating: 1_000, count: 10))
    let first = test.image(at: 0)
    #expect(first.min() == 0)
    #expect(first.max() == 1)
    let statistics = ImageNormalization(fitting: test)
    // Fashion-MNIST's test split: mean 0.2868, standard deviation 0.3524.
    #expect(abs(statistics.mean[0] - 0.2868) < 0.001)
    #expect(abs(statistics.standardDeviation[0] - 0.3524) < 0.001)
  }
}
