extension ConvolutionalNetwork {
  /// Accuracy and mean plain cross-entropy in eval mode (BN with running statistics), in
  /// chunks of `batchSize` images. Nothing is trained and no tap hook is called.
  ///
  /// - Parameters:
  ///   - images: N images, NCHW float32.
  ///   - labels: N labels in `0..<K`.
  /// - Throws: ``MiniCNNError`` when the counts disagree or a label is out of range.
  public func evaluate(
    images: UnsafeBufferPointer<Float>, labels: some RandomAccessCollection<Int32>,
    batchSize: Int = 500
  ) throws -> Evaluation {
    guard batchSize > 0 else {
      throw MiniCNNError.outOfRange(
        parameter: "batchSize", value: Double(batchSize), allowed: "an integer >= 1")
    }
    let total = labels.count
    let imageSize = configuration.imageSize
    guard images.count == total * imageSize, let base = images.baseAddress else {
      throw MiniCNNError.sizeMismatch(
        what: "images", expected: total * imageSize, actual: images.count)
    }
    let classes = configuration.classCount
    let plain = SoftmaxCrossEntropy(uncheckedSmoothing: 0)
    var correct = 0
    var lossSum = 0.0
    var start = 0
    while start < total {
      let count = min(batchSize, total - start)
      let from = labels.index(labels.startIndex, offsetBy: start)
      let to = labels.index(from, offsetBy: count)
      let chunk = UnsafeBufferPointer(start: base + start * imageSize, count: count * imageSize)
      let batch = try loadBatch(images: chunk, labels: labels[from..<to])
      withStepThreads { forwardFromInput(batch: batch, isTraining: false, taps: nil) }
      plain.evaluate(
        logits: logits.pointer, labels: sampleLabels.pointer, weights: nil, batch: batch,
        classes: classes, losses: sampleLosses.pointer, logitGradient: nil)
      for n in 0..<batch {
        lossSum += sampleLosses.pointer[n]
        let z = logits.pointer + n * classes
        var best = 0
        for k in 1..<classes where z[k] > z[best] { best = k }
        if best == Int(sampleLabels.pointer[n]) { correct += 1 }
      }
      start += count
    }
    return Evaluation(
      accuracy: total > 0 ? Double(correct) / Double(total) : 0,
      meanLoss: total > 0 ? lossSum / Double(total) : 0, sampleCount: total,
      correctCount: correct)
  }

  /// ``evaluate(images:labels:batchSize:)`` for an array of images.
  public func evaluate(
    images: [Float], labels: some RandomAccessCollection<Int32>, batchSize: Int = 500
  ) throws -> Evaluation {
    try images.withUnsafeBufferPointer {
      try evaluate(images: $0, labels: labels, batchSize: batchSize)
    }
  }

  /// The logits `[B][K]` of a batch, in eval mode or (without updating anything but BN's running
  /// statistics) in train mode.
  public func logits(images: [Float], isTraining: Bool = false) throws -> [Float] {
    let batch = images.count / configuration.imageSize
    let labels = [Int32](repeating: 0, count: batch)
    return try images.withUnsafeBufferPointer { buffer in
      let b = try loadBatch(images: buffer, labels: labels)
      withStepThreads { forwardFromInput(batch: b, isTraining: isTraining, taps: nil) }
      return logits.array(count: b * configuration.classCount)
    }
  }
}
