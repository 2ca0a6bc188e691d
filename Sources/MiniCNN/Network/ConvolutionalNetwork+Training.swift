extension ConvolutionalNetwork {
  /// One SGD step on a batch: forward (train-mode BN, per-sample losses and tap statistics
  /// measured before the update), backward, then `optimizer.step` at `learningRate`.
  ///
  /// The batch loss is `(1/B) sum w_i l_i` (cnn.md "Loss"; InfoBatch Eq. 8 with the rule's
  /// weights, algorithms.md §1.4).
  ///
  /// - Parameters:
  ///   - images: B images, NCHW float32, `B * C * H * W` values.
  ///   - labels: B labels in `0..<K`.
  ///   - weights: B loss weights (pass the plan's effective weights; all 1 without reweighting).
  ///   - learningRate: This step's rate (from a ``LearningRateScheduler``).
  ///   - optimizer: The optimiser whose state advances.
  ///   - measuresActivations: False skips the three tap statistics (B-PAS needs them).
  /// - Returns: Per-sample losses, their mean, the weighted loss and the activation statistic.
  /// - Throws: ``MiniCNNError`` when the counts disagree or a label is out of range.
  public func trainStep(
    images: UnsafeBufferPointer<Float>, labels: some Collection<Int32>,
    weights: some Collection<Double>, learningRate: Double, optimizer: inout SGDOptimizer,
    measuresActivations: Bool = true
  ) throws -> StepResult {
    let result = try computeGradients(
      images: images, labels: labels, weights: weights, measuresActivations: measuresActivations)
    optimizer.step(parameters, learningRate: learningRate)
    return result
  }

  /// ``trainStep(images:labels:weights:learningRate:optimizer:measuresActivations:)`` for an
  /// array of images.
  public func trainStep(
    images: [Float], labels: some Collection<Int32>, weights: some Collection<Double>,
    learningRate: Double, optimizer: inout SGDOptimizer, measuresActivations: Bool = true
  ) throws -> StepResult {
    try images.withUnsafeBufferPointer {
      try trainStep(
        images: $0, labels: labels, weights: weights, learningRate: learningRate,
        optimizer: &optimizer, measuresActivations: measuresActivations)
    }
  }

  /// The forward and backward half of a training step: sets every ``Parameter/gradient`` (and
  /// BN's running statistics) without updating the weights.
  public func computeGradients(
    images: UnsafeBufferPointer<Float>, labels: some Collection<Int32>,
    weights: some Collection<Double>, measuresActivations: Bool = true
  ) throws -> StepResult {
    let batch = try loadBatch(images: images, labels: labels)
    guard weights.count == batch else {
      throw MiniCNNError.sizeMismatch(what: "weights", expected: batch, actual: weights.count)
    }
    var slot = sampleWeights.pointer
    for w in weights {
      slot.pointee = Float(w)
      slot += 1
    }
    let tapCount = blocks.count
    var taps = [Double](repeating: 0, count: measuresActivations ? tapCount : 0)
    let weighted = withStepThreads {
      taps.withUnsafeMutableBufferPointer { t in
        // An empty array still has a (shared, read-only) base address: pass nil explicitly.
        forwardFromInput(
          batch: batch, isTraining: true, taps: measuresActivations ? t.baseAddress : nil)
      }
      let weighted = loss.evaluate(
        logits: logits.pointer, labels: sampleLabels.pointer, weights: sampleWeights.pointer,
        batch: batch, classes: configuration.classCount, losses: sampleLosses.pointer,
        logitGradient: logitsGradient.pointer)
      backwardToParameters(batch: batch)
      return weighted
    }
    let perSample = sampleLosses.array(count: batch)
    var mean = 0.0
    for l in perSample { mean += l }
    mean /= Double(batch)
    var statistic: Double? = nil
    if measuresActivations {
      var total = 0.0
      for s in taps { total += s }
      statistic = total / Double(tapCount)
    }
    return StepResult(
      perSampleLosses: perSample, meanLoss: mean, weightedLoss: weighted,
      activationStatistic: statistic, tapStandardDeviations: taps)
  }

  /// Copies a batch into the channel-major input buffer and checks its labels.
  /// - Returns: B.
  func loadBatch(images: UnsafeBufferPointer<Float>, labels: some Collection<Int32>) throws -> Int {
    let batch = labels.count
    let imageSize = configuration.imageSize
    guard batch > 0 else {
      throw MiniCNNError.outOfRange(parameter: "batch size", value: 0, allowed: "an integer >= 1")
    }
    guard images.count == batch * imageSize, let base = images.baseAddress else {
      throw MiniCNNError.sizeMismatch(
        what: "images", expected: batch * imageSize, actual: images.count)
    }
    reserve(batch: batch)
    var position = 0
    for label in labels {
      guard label >= 0, Int(label) < configuration.classCount else {
        throw MiniCNNError.labelOutOfRange(label: Int(label), classCount: configuration.classCount)
      }
      sampleLabels.pointer[position] = label
      position += 1
    }
    ChannelMajorLayout.fromNCHW(
      base, into: input.pointer, batch: batch, channels: configuration.inputChannels,
      plane: configuration.height * configuration.width)
    return batch
  }
}
