import PruneSignals

/// The running sums behind one ``EpochRecord``.
struct EpochTotals {
  var lossSum = 0.0
  var lossCount = 0
  var weightedLossSum = 0.0
  var lossBatches = 0
  var activationSum = 0.0
  var activationBatches = 0

  /// Adds one batch: its per-sample losses (or only its mean), its activation statistic, and
  /// its effective weights.
  @inline(__always)
  mutating func add(
    losses: ArraySlice<Double>?, measurement: BatchMeasurement, weights: ArraySlice<Double>
  ) {
    if let losses {
      var sum = 0.0
      var weighted = 0.0
      for (loss, weight) in zip(losses, weights) {
        sum += loss
        weighted += loss * weight
      }
      lossSum += sum
      lossCount += losses.count
      weightedLossSum += weighted / Double(max(losses.count, 1))
      lossBatches += 1
    } else if let mean = measurement.meanLoss {
      var weightSum = 0.0
      for weight in weights { weightSum += weight }
      lossSum += mean * Double(weights.count)
      lossCount += weights.count
      weightedLossSum += mean * weightSum / Double(max(weights.count, 1))
      lossBatches += 1
    }
    if let statistic = measurement.activationStatistic {
      activationSum += statistic
      activationBatches += 1
    }
  }

  var meanLoss: Double? { lossCount > 0 ? lossSum / Double(lossCount) : nil }
  var meanWeightedLoss: Double? { lossBatches > 0 ? weightedLossSum / Double(lossBatches) : nil }
  var meanActivation: Double? {
    activationBatches > 0 ? activationSum / Double(activationBatches) : nil
  }
}

/// Per-sample outcomes while a run goes on: one packed entry per sample, so noting a visit
/// touches one cache line (visits come in shuffled order); turned into ``SampleOutcomes`` at the
/// end.
struct SampleOutcomeRecorder {
  struct Entry {
    var timesTrained: Int32 = 0
    var lastTrainedEpoch: Int32 = -1
    var weightedTimesTrained = 0.0
    /// NaN until a loss is measured.
    var lastLoss = Double.nan
  }

  var entries: [Entry]
  let labels: [Int]?
  /// Where the touching pass of ``note(samples:weights:losses:epoch:)`` puts its result, so the
  /// optimiser keeps it.
  var touched: Int32 = 0

  init(sampleCount: Int, labels: [Int]?) {
    entries = [Entry](repeating: Entry(), count: sampleCount)
    self.labels = labels
  }

  /// Notes one trained batch.
  @inline(__always)
  mutating func note(
    samples: ArraySlice<Int>, weights: ArraySlice<Double>, losses: ArraySlice<Double>?, epoch: Int
  ) {
    entries.withUnsafeMutableBufferPointer { table in
      samples.withUnsafeBufferPointer { samples in
        weights.withUnsafeBufferPointer { weights in
          if let losses {
            losses.withUnsafeBufferPointer { losses in
              touched &+= Self.note(
                into: table, samples: samples, weights: weights, losses: losses, epoch: epoch)
            }
          } else {
            touched &+= Self.note(
              into: table, samples: samples, weights: weights, losses: nil, epoch: epoch)
          }
        }
      }
    }
  }

  /// Calls `body` with the entries of `recorder` (nil without one), moved out meanwhile so
  /// nothing else holds them.
  static func withTable<R>(
    of recorder: inout SampleOutcomeRecorder?,
    _ body: (UnsafeMutableBufferPointer<Entry>?) throws -> R
  ) rethrows -> R {
    guard var moved = recorder else { return try body(nil) }
    recorder = nil
    defer { recorder = moved }
    return try moved.entries.withUnsafeMutableBufferPointer { try body($0) }
  }

  /// Keeps a value the optimiser would otherwise drop (the reading pass of ``note``).
  @inline(never)
  static func keep(_ value: Int32) {}

  /// Notes trained samples (parallel buffers) in `table`; touches only their entries, so parts
  /// of an epoch with distinct samples may be noted concurrently. Returns the sum of the
  /// reading pass, which the caller keeps so the optimiser keeps the pass.
  @inline(__always)
  static func note(
    into table: UnsafeMutableBufferPointer<Entry>, samples: UnsafeBufferPointer<Int>,
    weights: UnsafeBufferPointer<Double>, losses: UnsafeBufferPointer<Double>?, epoch: Int
  ) -> Int32 {
    let epoch32 = Int32(truncatingIfNeeded: epoch)
    // First only read every entry: independent loads, so the cache misses of a shuffled order
    // overlap; the updates below then hit the cache.
    var sum: Int32 = 0
    for sample in samples { sum &+= table[sample].timesTrained }
    for k in 0..<samples.count {
      let sample = samples[k]
      table[sample].timesTrained += 1
      table[sample].weightedTimesTrained += weights[k]
      table[sample].lastTrainedEpoch = epoch32
      if let losses { table[sample].lastLoss = losses[k] }
    }
    return sum
  }

  /// The public record.
  var outcomes: SampleOutcomes {
    var result = SampleOutcomes(sampleCount: entries.count, labels: labels)
    for (i, entry) in entries.enumerated() {
      result.timesTrained[i] = Int(entry.timesTrained)
      result.weightedTimesTrained[i] = entry.weightedTimesTrained
      result.lastTrainedEpoch[i] = Int(entry.lastTrainedEpoch)
      result.lastLoss[i] = entry.lastLoss.isNaN ? nil : entry.lastLoss
    }
    return result
  }
}
