/// Per-channel standardisation `x' = (x - mean_c) / std_c` with the training set's statistics
/// (cnn.md "Data": normalise by training-set mean and std; apply the same values to the test set).
public struct ImageNormalization: Sendable, Hashable, Codable {
  /// The mean of each channel over every pixel of every training image.
  public let mean: [Float]
  /// The population standard deviation of each channel (1 for a constant channel).
  public let standardDeviation: [Float]

  /// Normalisation with given statistics.
  ///
  /// - Throws: ``MiniCNNError`` when the arrays differ in length or a deviation is not positive.
  public init(mean: [Float], standardDeviation: [Float]) throws {
    guard mean.count == standardDeviation.count, !mean.isEmpty else {
      throw MiniCNNError.inconsistent(
        parameters: "mean, standardDeviation",
        reason: "\(mean.count) means and \(standardDeviation.count) deviations; pass one of each "
          + "per channel.")
    }
    for (c, s) in standardDeviation.enumerated() where !(s > 0 && s.isFinite) {
      throw MiniCNNError.outOfRange(
        parameter: "standardDeviation[\(c)]", value: Double(s), allowed: "(0, inf)")
    }
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  /// The statistics of `dataset`, accumulated in Double.
  ///
  /// ```
  /// mean_c = sum x / M,   std_c = sqrt(sum (x - mean_c)^2 / M),   M = N * H * W
  /// ```
  public init(fitting dataset: ImageDataset) {
    let plane = dataset.height * dataset.width
    var means: [Float] = []
    var deviations: [Float] = []
    dataset.pixels.withUnsafeBufferPointer { p in
      for c in 0..<dataset.channels {
        var total = 0.0
        for n in 0..<dataset.sampleCount {
          let base = (n * dataset.channels + c) * plane
          var partial: Float = 0
          for i in base..<base + plane { partial += p[i] }
          total += Double(partial)
        }
        let count = Double(dataset.sampleCount * plane)
        let mean = count > 0 ? total / count : 0
        var squares = 0.0
        for n in 0..<dataset.sampleCount {
          let base = (n * dataset.channels + c) * plane
          var partial = 0.0
          for i in base..<base + plane {
            let d = Double(p[i]) - mean
            partial += d * d
          }
          squares += partial
        }
        let deviation = count > 0 ? (squares / count).squareRoot() : 0
        means.append(Float(mean))
        deviations.append(deviation > 0 ? Float(deviation) : 1)
      }
    }
    self.mean = means
    self.standardDeviation = deviations
  }

  /// What a raw pixel value of 0 (black, the padding of a random crop) becomes.
  public var normalizedZero: [Float] {
    zip(mean, standardDeviation).map { -$0 / $1 }
  }

  /// `dataset` with every pixel standardised.
  ///
  /// - Precondition: `dataset.channels == mean.count`.
  public func applied(to dataset: ImageDataset) -> ImageDataset {
    precondition(dataset.channels == mean.count, "one mean per channel")
    var result = dataset
    let plane = dataset.height * dataset.width
    result.pixels.withUnsafeMutableBufferPointer { p in
      for n in 0..<dataset.sampleCount {
        for c in 0..<dataset.channels {
          let m = mean[c]
          let inverse = 1 / standardDeviation[c]
          let base = (n * dataset.channels + c) * plane
          for i in base..<base + plane { p[i] = (p[i] - m) * inverse }
        }
      }
    }
    return result
  }
}
