/// Fashion-MNIST (Xiao, Rasul & Vollgraf 2017; MIT licence, Zalando SE) from Debian's
/// `dataset-fashion-mnist` package: 60,000 training and 10,000 test images of 28 x 28, 10 classes,
/// as gzip-compressed IDX files (cnn.md "Data").
public enum FashionMNIST {
  /// Where Debian's package installs the files.
  public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"
  /// The ten class names, by label.
  public static let classNames = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
  ]
  /// What a user should do when a file is missing.
  public static let installHint =
    "install Fashion-MNIST with `apt-get install dataset-fashion-mnist` (or scripts/install-deps "
    + "--with-data), or pass the folder holding the four .gz files."

  /// The two splits of the set.
  public enum Split: String, Sendable, CaseIterable {
    case train
    case test = "t10k"
  }

  /// Loads one split with pixels scaled to [0, 1] (`byte / 255`), not yet normalised.
  ///
  /// - Parameters:
  ///   - split: ``Split/train`` or ``Split/test``.
  ///   - directory: The folder holding `{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz`.
  /// - Throws: ``MiniCNNError`` naming the file and the bad field: a missing file (with the
  ///   `apt-get` hint), a truncated or corrupt file, images and labels that disagree in count,
  ///   a label outside 0...9.
  public static func load(_ split: Split, directory: String = defaultDirectory) throws
    -> ImageDataset
  {
    let imagesPath = "\(directory)/\(split.rawValue)-images-idx3-ubyte.gz"
    let labelsPath = "\(directory)/\(split.rawValue)-labels-idx1-ubyte.gz"
    let images = try IDXFile.read(
      path: imagesPath, expectedMagic: IDXFile.imagesMagic, missingHint: installHint)
    let labels = try IDXFile.read(
      path: labelsPath, expectedMagic: IDXFile.labelsMagic, missingHint: installHint)
    let count = images.dimensions[0]
    guard labels.dimensions[0] == count else {
      throw MiniCNNError.corruptField(
        path: labelsPath, field: "number of labels", value: labels.dimensions[0],
        expected: "\(count), the number of images in \(imagesPath)")
    }
    var labelValues: [Int] = []
    labelValues.reserveCapacity(count)
    for (index, byte) in labels.bytes.enumerated() {
      guard byte < classNames.count else {
        throw MiniCNNError.corruptField(
          path: labelsPath, field: "label of sample \(index)", value: Int(byte),
          expected: "0...\(classNames.count - 1)")
      }
      labelValues.append(Int(byte))
    }
    var pixels = [Float](repeating: 0, count: images.bytes.count)
    images.bytes.withUnsafeBufferPointer { source in
      pixels.withUnsafeMutableBufferPointer { target in
        for i in 0..<source.count { target[i] = Float(source[i]) / 255 }
      }
    }
    return try ImageDataset(
      channels: 1, height: images.dimensions[1], width: images.dimensions[2],
      classCount: classNames.count, pixels: pixels, labels: labelValues)
  }
}
