/// Batch normalisation over the channels of a channel-major batch (Ioffe & Szegedy, ICML 2015,
/// Algorithm 1 and §3.1; cnn.md "BatchNorm").
///
/// Train mode normalises channel c with the batch statistics of its `m = B*H*W` values:
/// ```
/// mu = (1/m) sum x,   var = (1/m) sum (x - mu)^2,   xhat = (x - mu) / sqrt(var + eps)
/// y = gamma * xhat + beta
/// running_mean <- (1 - momentum) running_mean + momentum * mu
/// running_var  <- (1 - momentum) running_var  + momentum * var * m / (m - 1)   (unbiased, as PyTorch)
/// ```
/// Eval mode uses the running statistics instead. Train-mode backward (the batch statistics
/// depend on x):
/// ```
/// dbeta = sum dy,   dgamma = sum dy * xhat
/// dx = gamma / sqrt(var + eps) * (dy - dbeta / m - xhat * dgamma / m)
/// ```
/// Eval-mode backward treats the statistics as constants: `dx = gamma / sqrt(rv + eps) * dy`.
public final class BatchNorm2d {
  /// The number of channels.
  public let channels: Int
  /// The weight of the newest batch in the running statistics (PyTorch's default 0.1).
  public let momentum: Float
  /// Added to the variance before the square root.
  public let epsilon: Float
  /// gamma, initialised to 1.
  public let scale: Parameter
  /// beta, initialised to 0.
  public let shift: Parameter
  /// Running mean per channel, initialised to 0.
  public var runningMean: [Float]
  /// Running (unbiased) variance per channel, initialised to 1.
  public var runningVariance: [Float]

  /// The last train-mode forward's batch mean per channel.
  public private(set) var batchMean: [Float]
  /// The last forward's 1 / sqrt(var + eps) per channel (batch or running variance).
  public private(set) var inverseStandardDeviation: [Float]
  private var usedBatchStatistics = true

  public init(name: String, channels: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) {
    precondition(channels > 0, "channels must be positive")
    self.channels = channels
    self.momentum = momentum
    self.epsilon = epsilon
    scale = Parameter(
      name: name + ".gamma", kind: .normalizationScale,
      values: [Float](repeating: 1, count: channels))
    shift = Parameter(
      name: name + ".beta", kind: .normalizationShift,
      values: [Float](repeating: 0, count: channels))
    runningMean = [Float](repeating: 0, count: channels)
    runningVariance = [Float](repeating: 1, count: channels)
    batchMean = [Float](repeating: 0, count: channels)
    inverseStandardDeviation = [Float](repeating: 1, count: channels)
  }

  /// gamma then beta.
  public var parameters: [Parameter] { [scale, shift] }

  /// Normalises `input` (`[C][length]`, `length = B*H*W`) into `output` (may be the same buffer
  /// only in eval mode; train mode's backward needs the input).
  public func forward(
    input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, length: Int,
    isTraining: Bool
  ) {
    usedBatchStatistics = isTraining
    for c in 0..<channels {
      let x = input + c * length
      let mean: Float
      let invStd: Float
      if isTraining {
        let m = Reductions.sum(x, count: length) / Double(length)
        let squares = Reductions.sumOfSquaredDeviations(x, count: length, center: Float(m))
        let variance = squares / Double(length)
        mean = Float(m)
        invStd = Float(1 / (variance + Double(epsilon)).squareRoot())
        let unbiased = length > 1 ? variance * Double(length) / Double(length - 1) : variance
        runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mean
        runningVariance[c] = (1 - momentum) * runningVariance[c] + momentum * Float(unbiased)
        batchMean[c] = mean
      } else {
        mean = runningMean[c]
        invStd = 1 / (runningVariance[c] + epsilon).squareRoot()
      }
      inverseStandardDeviation[c] = invStd
      let a = scale.values[c] * invStd
      let b = shift.values[c] - mean * a
      let y = output + c * length
      for i in 0..<length { y[i] = x[i] * a + b }
    }
  }

  /// Sets dgamma and dbeta and writes `dX` into `inputGradient`, which may alias `outputGradient`.
  ///
  /// - Parameter input: The `x` of the last forward.
  public func backward(
    input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
    inputGradient: UnsafeMutablePointer<Float>, length: Int
  ) {
    let m = Float(length)
    for c in 0..<channels {
      let x = input + c * length
      let dy = outputGradient + c * length
      let dx = inputGradient + c * length
      let invStd = inverseStandardDeviation[c]
      let mean = usedBatchStatistics ? batchMean[c] : runningMean[c]
      let gamma = scale.values[c]
      let sumDy = Reductions.sum(dy, count: length)
      // sum dy * xhat = invStd * (sum dy * x - mean * sum dy)
      let sumDyX = Reductions.dot(dy, x, count: length)
      let dBeta = Float(sumDy)
      let dGamma = Float((sumDyX - Double(mean) * sumDy) * Double(invStd))
      shift.gradient[c] = dBeta
      scale.gradient[c] = dGamma
      let k = gamma * invStd
      if usedBatchStatistics {
        let meanDy = dBeta / m
        let slope = dGamma / m * invStd
        for i in 0..<length {
          dx[i] = k * (dy[i] - meanDy - (x[i] - mean) * slope)
        }
      } else {
        for i in 0..<length { dx[i] = k * dy[i] }
      }
    }
  }
}
