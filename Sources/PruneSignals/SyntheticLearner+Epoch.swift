import PruneCore

extension SyntheticLearner {
  /// True: a sample's loss in epoch e depends only on the state at the epoch's start (see the
  /// type's discussion), so a whole epoch can be measured at once, on several threads.
  public var measuresWholeEpochs: Bool { true }

  /// Measures and trains every batch of `plan` (each sample at most once) as
  /// ``measure(_:samples:losses:)`` and ``train(_:samples:weights:)`` would batch by batch, the
  /// batches cut into `threads` contiguous parts run concurrently (issue 13 item 2).
  ///
  /// Same values for any thread count: ε_{i,e} and the forgetting draws come from generators of
  /// (seed, i, e) alone; a part touches only its own samples' states (the plan trains each sample
  /// once, and a sample's loss is measured before its own update); each batch's mean loss and
  /// trained weight are summed in its sample order, and the trained weights of the batches are
  /// added to the epoch's in batch order, as the batch-by-batch calls add them.
  /// - Throws: ``PruneSignalsError/indexNotInSource(name:unit:index:count:)`` for a sample
  ///   outside the learner, before anything changes.
  public mutating func measureAndTrainEpoch(
    _ plan: EpochPlan, weights: UnsafeBufferPointer<Double>,
    losses: UnsafeMutableBufferPointer<Double>,
    measurements: UnsafeMutableBufferPointer<BatchMeasurement>, threads: Int
  ) throws {
    precondition(losses.count >= plan.sampleCount, "the loss buffer is too small")
    precondition(measurements.count >= plan.batchCount, "the measurement buffer is too small")
    precondition(weights.count >= plan.sampleCount, "one weight per planned sample")
    let count = sampleCount
    for i in plan.samples where i < 0 || i >= count {
      throw PruneSignalsError.indexNotInSource(
        name: name, unit: "sample", index: i, count: count)
    }
    let epoch = plan.epoch
    let model = self.model
    let forgetting =
      forgettingApplied.isEmpty
      ? nil
      : Forgetting(
        rate: configuration.forgettingRate, keep: 1 - configuration.forgettingSize,
        seed: forgettingSeed)
    let batchCount = plan.batchCount
    let parts = max(1, min(threads, batchCount))
    let countsWeights = configuration.weightsCountAsVisits
    var trained = [Double](repeating: 0, count: batchCount)
    samples.withUnsafeMutableBufferPointer { states in
      forgettingApplied.withUnsafeMutableBufferPointer { applied in
        plan.samples.withUnsafeBufferPointer { order in
          plan.batchStarts.withUnsafeBufferPointer { starts in
            trained.withUnsafeMutableBufferPointer { trained in
              let shared = UncheckedSendable((states, applied, order, starts, trained))
              ForkJoin.forEachPart(parts) { part in
                let (states, applied, order, starts, trained) = shared.value
                let gathered = UnsafeMutableBufferPointer<SampleState>.allocate(
                  capacity: Self.largestBatch(starts))
                defer { gathered.deallocate() }
                for b in ForkJoin.range(ofPart: part, parts: parts, count: batchCount) {
                  let first = starts[b]
                  let end = starts[b + 1]
                  if let forgetting {
                    for j in first..<end {
                      forgetting.apply(
                        to: &states[order[j]], applied: &applied[order[j]], sample: order[j],
                        through: epoch)
                    }
                  }
                  // Gather the batch's states first (independent loads with no call between
                  // them, so the cache misses of a shuffled order overlap), then compute.
                  for j in first..<end { gathered[j - first] = states[order[j]] }
                  for j in first..<end {
                    let state = gathered[j - first]
                    losses[j] = model.expected(rate: state.rate, exposure: state.exposure)
                  }
                  var total = 0.0
                  for j in first..<end {
                    let value = model.measured(mean: losses[j], sample: order[j], epoch: epoch)
                    losses[j] = value
                    total += value
                  }
                  measurements[b] = BatchMeasurement(
                    meanLoss: end > first ? total / Double(end - first) : nil)
                  var added = 0.0
                  for j in first..<end {
                    let step = countsWeights ? weights[j] : 1
                    states[order[j]].exposure += step
                    added += step
                  }
                  trained[b] = added
                }
              }
            }
          }
        }
      }
    }
    for added in trained { epochWeight += added }
  }
}

extension SyntheticLearner {
  /// The size of the largest batch of a plan with these batch starts.
  static func largestBatch(_ starts: UnsafeBufferPointer<Int>) -> Int {
    var largest = 0
    for b in 0..<max(0, starts.count - 1) { largest = max(largest, starts[b + 1] - starts[b]) }
    return largest
  }

  /// The forgetting events of ``LearnerConfiguration/forgettingRate``: at the start of each epoch
  /// e >= 1, with that probability, a sample's exposure is multiplied by `keep`; the draw comes
  /// from the generator of (seed, e, i) alone.
  @usableFromInline
  struct Forgetting: Sendable {
    @usableFromInline let rate: Double
    @usableFromInline let keep: Double
    @usableFromInline let seed: UInt64

    @usableFromInline
    init(rate: Double, keep: Double, seed: UInt64) {
      self.rate = rate
      self.keep = keep
      self.seed = seed
    }

    /// Applies sample `i`'s events of epochs (`applied`, `epoch`].
    @inlinable
    func apply(to state: inout SampleState, applied: inout Int32, sample i: Int, through epoch: Int)
    {
      var last = Int(applied)
      guard last < epoch else { return }
      while last < epoch {
        last += 1
        var generator = SeededGenerator(seed: seed, stream: UInt64(last) << 40 | UInt64(i))
        if generator.nextUnit() < rate { state.exposure *= keep }
      }
      applied = Int32(truncatingIfNeeded: last)
    }
  }
}
