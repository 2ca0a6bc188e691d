/// InfoBatch's annealing schedule: the last part of training runs on the full data.
///
/// The official sampler prunes epoch `e` (0-based) iff `e + 1 <= numEpochs * delta`, the product in
/// Double (algorithms.md §1.3); E = 200, delta = 0.875 prunes epochs 0...174 and trains 175...199
/// in full. PruneLab never prunes epoch 0 whatever the schedule says (Part A, InfoBatch issue #25):
/// that is decided here by the epoch number, not by comparing equal initial scores.
public enum Annealing {
  /// True when epoch `epoch` (0-based) may prune under `delta` and `plannedEpochs`.
  ///
  /// ```
  /// prunes(e) = e >= 1 && Double(e + 1) <= Double(plannedEpochs) * delta
  /// ```
  @inlinable
  public static func prunes(epoch: Int, plannedEpochs: Int, delta: Double) -> Bool {
    guard epoch >= 1 else { return false }
    return Double(epoch + 1) <= Double(plannedEpochs) * delta
  }

  /// True when the InfoBatch package resets weights at the start of `epoch`: only when
  /// `e + 1 == numEpochs * delta + 1` in floating point, which never happens for a non-integer
  /// product (the package's reset bug, algorithms.md §1.3).
  @inlinable
  public static func packageResetsWeights(epoch: Int, plannedEpochs: Int, delta: Double) -> Bool {
    Double(epoch + 1) == Double(plannedEpochs) * delta + 1
  }

  /// The first epoch trained on the full data by annealing: floor(numEpochs * delta), at least 1.
  public static func firstFullEpoch(plannedEpochs: Int, delta: Double) -> Int {
    var epoch = 1
    while prunes(epoch: epoch, plannedEpochs: plannedEpochs, delta: delta) { epoch += 1 }
    return epoch
  }
}
