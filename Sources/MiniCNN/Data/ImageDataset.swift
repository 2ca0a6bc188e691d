/// A labelled image set held in one contiguous buffer: N images of C x H x W floats, row-major
/// (sample, channel, row, column), and one class label per image.
///
/// A plain value: subsets, normalisation and augmentation return new values or write into
/// caller-owned batch buffers, so the trainer never allocates per batch.
public struct ImageDataset: Sendable, Equatable {
  /// C, the number of channels.
  public let channels: Int
  /// H, the image height in pixels.
  public let height: Int
  /// W, the image width in pixels.
  public let width: Int
  /// K, the number of classes; every label is in `0..<classCount`.
  public let classCount: Int
  /// The pixels, `sampleCount * channels * height * width` floats, image after image.
  public internal(set) var pixels: [Float]
  /// The class label of each image.
  public let labels: [Int]

  /// Creates a dataset, checking that sizes and labels agree.
  ///
  /// - Throws: ``MiniCNNError/inconsistent(parameters:reason:)`` when the pixel count is not
  ///   `labels.count * channels * height * width` or a label is outside `0..<classCount`;
  ///   ``MiniCNNError/outOfRange(parameter:value:allowed:)`` for a non-positive size.
  public init(
    channels: Int, height: Int, width: Int, classCount: Int, pixels: [Float], labels: [Int]
  ) throws {
    for (name, value) in [
      ("channels", channels), ("height", height), ("width", width), ("classCount", classCount),
    ] where value < 1 {
      throw MiniCNNError.outOfRange(parameter: name, value: Double(value), allowed: "an integer >= 1")
    }
    let imageSize = channels * height * width
    guard pixels.count == labels.count * imageSize else {
      throw MiniCNNError.inconsistent(
        parameters: "pixels, labels",
        reason: "\(pixels.count) pixels do not make \(labels.count) images of "
          + "\(channels) x \(height) x \(width); pass one image per label.")
    }
    if let bad = labels.firstIndex(where: { $0 < 0 || $0 >= classCount }) {
      throw MiniCNNError.inconsistent(
        parameters: "labels, classCount",
        reason: "label \(labels[bad]) of sample \(bad) is outside 0..<\(classCount); "
          + "pass labels below the class count.")
    }
    self.channels = channels
    self.height = height
    self.width = width
    self.classCount = classCount
    self.pixels = pixels
    self.labels = labels
  }

  /// N, the number of images.
  public var sampleCount: Int { labels.count }
  /// C x H x W, the number of floats per image.
  public var imageSize: Int { channels * height * width }

  /// The pixels of image `index`.
  public func image(at index: Int) -> ArraySlice<Float> {
    pixels[index * imageSize..<(index + 1) * imageSize]
  }

  /// How many images each class has.
  public var classCounts: [Int] {
    var counts = [Int](repeating: 0, count: classCount)
    for label in labels { counts[label] += 1 }
    return counts
  }

  /// The images at `indices`, in that order (repeats allowed).
  ///
  /// - Precondition: every index is in `0..<sampleCount`.
  public func subset(at indices: [Int]) -> ImageDataset {
    let size = imageSize
    var newPixels: [Float] = []
    newPixels.reserveCapacity(indices.count * size)
    var newLabels: [Int] = []
    newLabels.reserveCapacity(indices.count)
    for index in indices {
      precondition(index >= 0 && index < sampleCount, "subset index out of range")
      newPixels.append(contentsOf: pixels[index * size..<(index + 1) * size])
      newLabels.append(labels[index])
    }
    return ImageDataset(
      unchecked: channels, height, width, classCount, pixels: newPixels, labels: newLabels)
  }

  /// Copies the images at `indices` into `destination` (image after image) and their labels into
  /// `labelDestination`: the trainer's batch assembly, with no allocation.
  ///
  /// - Precondition: `destination` holds at least `indices.count * imageSize` floats and
  ///   `labelDestination` at least `indices.count` labels.
  public func gather<Indices: Collection<Int>, Label: FixedWidthInteger>(
    _ indices: Indices, into destination: UnsafeMutableBufferPointer<Float>,
    labels labelDestination: UnsafeMutableBufferPointer<Label>
  ) {
    let size = imageSize
    precondition(destination.count >= indices.count * size, "batch buffer too small")
    precondition(labelDestination.count >= indices.count, "label buffer too small")
    pixels.withUnsafeBufferPointer { source in
      var slot = 0
      for index in indices {
        precondition(index >= 0 && index < sampleCount, "sample index out of range")
        let from = source.baseAddress.unsafelyUnwrapped + index * size
        let to = destination.baseAddress.unsafelyUnwrapped + slot * size
        to.update(from: from, count: size)
        labelDestination[slot] = Label(truncatingIfNeeded: labels[index])
        slot += 1
      }
    }
  }

  /// Memberwise, for values built from checked ones.
  init(
    unchecked channels: Int, _ height: Int, _ width: Int, _ classCount: Int, pixels: [Float],
    labels: [Int]
  ) {
    self.channels = channels
    self.height = height
    self.width = width
    self.classCount = classCount
    self.pixels = pixels
    self.labels = labels
  }
}
