#if canImport(Glibc)
  import Glibc
#endif

/// Softmax cross-entropy with per-sample losses, per-sample weights and optional label smoothing
/// (cnn.md "Loss"; InfoBatch's rescaled loss, algorithms.md §1.4).
///
/// For logits `z` of sample i, `p = softmax(z)` and target `q = (1 - eps) onehot(y_i) + eps / K`:
/// ```
/// l_i = -sum_k q_k log p_k = logsumexp(z) - sum_k q_k z_k
/// L   = (1/B) sum_i w_i l_i                 (the loss the optimiser descends)
/// dL/dz_ik = (w_i / B) (p_k - q_k)
/// ```
/// With `eps = 0` this is the usual cross-entropy. The per-sample losses are the smoothed `l_i`,
/// i.e. exactly the terms whose weighted mean is optimised; they are computed in `Double` from the
/// float logits.
public struct SoftmaxCrossEntropy: Sendable, Hashable, Codable {
  /// eps, in [0, 1).
  public let labelSmoothing: Double

  /// - Throws: ``MiniCNNError/outOfRange(parameter:value:allowed:)`` unless 0 <= eps < 1.
  public init(labelSmoothing: Double = 0) throws {
    guard labelSmoothing >= 0, labelSmoothing < 1 else {
      throw MiniCNNError.outOfRange(
        parameter: "labelSmoothing", value: labelSmoothing, allowed: "[0, 1)")
    }
    self.labelSmoothing = labelSmoothing
  }

  /// For callers that already checked `labelSmoothing` (``NetworkConfiguration``).
  init(uncheckedSmoothing labelSmoothing: Double) { self.labelSmoothing = labelSmoothing }

  /// Computes the per-sample losses into `losses` and, when `logitGradient` is given, `dL/dz`.
  ///
  /// - Parameters:
  ///   - logits: `[B][K]`.
  ///   - labels: B labels in `0..<K` (checked by the caller).
  ///   - weights: B weights `w_i`, or nil for all 1.
  ///   - losses: Room for B losses.
  ///   - logitGradient: Room for `[B][K]`, or nil (evaluation).
  /// - Returns: The weighted batch loss `L`.
  @discardableResult
  public func evaluate(
    logits: UnsafePointer<Float>, labels: UnsafePointer<Int32>, weights: UnsafePointer<Float>?,
    batch: Int, classes: Int, losses: UnsafeMutablePointer<Double>,
    logitGradient: UnsafeMutablePointer<Float>?
  ) -> Double {
    let offTarget = labelSmoothing / Double(classes)
    let onTarget = 1 - labelSmoothing + offTarget
    var total = 0.0
    for n in 0..<batch {
      let z = logits + n * classes
      let label = Int(labels[n])
      var peak = Double(z[0])
      for k in 1..<classes { peak = max(peak, Double(z[k])) }
      var partition = 0.0
      var sumZ = 0.0
      for k in 0..<classes {
        partition += exp(Double(z[k]) - peak)
        sumZ += Double(z[k])
      }
      let logPartition = peak + log(partition)
      // -sum q_k log p_k = logsumexp - sum q_k z_k
      let targetDot = offTarget * sumZ + (onTarget - offTarget) * Double(z[label])
      let loss = logPartition - targetDot
      losses[n] = loss
      let w = weights.map { Double($0[n]) } ?? 1
      total += w * loss
      if let logitGradient {
        let scale = w / Double(batch)
        let g = logitGradient + n * classes
        for k in 0..<classes {
          let p = exp(Double(z[k]) - logPartition)
          let q = k == label ? onTarget : offTarget
          g[k] = Float(scale * (p - q))
        }
      }
    }
    return total / Double(batch)
  }
}
