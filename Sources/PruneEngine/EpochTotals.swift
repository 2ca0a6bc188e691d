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

extension SampleOutcomes {
  /// Notes one trained batch.
  @inline(__always)
  mutating func note(
    samples: ArraySlice<Int>, weights: ArraySlice<Double>, losses: ArraySlice<Double>?, epoch: Int
  ) {
    var k = weights.startIndex
    var l = losses?.startIndex ?? 0
    for sample in samples {
      timesTrained[sample] += 1
      weightedTimesTrained[sample] += weights[k]
      lastTrainedEpoch[sample] = epoch
      if let losses {
        lastLoss[sample] = losses[l]
        l += 1
      }
      k += 1
    }
  }
}
