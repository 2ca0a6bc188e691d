/// Batch normalisation over the channels of a channel-major batch (Ioffe & Szegedy, ICML 2015,
/// Algorithm 1 and §3.1; cnn.md "BatchNorm").
///
/// Train mode normalises channel c with the batch statistics of its `m = B*H*W` values:
/// ```
/// mu = (1/m) sum x,   var = (1/m) sum (x - mu)^2,   xhat = (x - mu) / sqrt(var + eps)
/// y = gamma * xhat + beta
/// running_mean <- (1 - momentum) running_mean + momentum * mu
/// running_var  <- (1 - momentum) running_var  + momentum * var * m / (m - 1)
/// ```
/// (the running variance is unbiased, as in PyTorch). Eval mode uses the running statistics instead. Train-mode backward (the batch statistics
/// depend on x):
/// ```
/// dbeta = sum dy,   dgamma = sum dy * xhat
/// dx = gamma / sqrt(var + eps) * (dy - dbeta / m - xhat * dgamma / m)
/// ```
/// Eval-mode backward treats the statistics as constants: `dx = gamma / sqrt(rv + eps) * dy`.
///
/// Channels are independent, so `workers` threads take contiguous ranges of channels; every
/// channel is computed the same way whatever the split, so results do not depend on `workers`.
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
  /// Per-channel scratch: gamma, beta, mean, invStd as floats, then sums as doubles.
  private let channelFloats = ScratchBuffer<Float>()
  private let channelDoubles = ScratchBuffer<Double>()

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
  ///
  /// - Parameters:
  ///   - rectifies: Also applies ReLU to the output (the fused BN-ReLU of a conv block).
  ///   - measures: Accumulates the `Double` sum and sum of squares of the written output into
  ///     ``outputMoments`` (the block's tap statistic without another sweep).
  ///   - workers: Threads to split the channels over.
  public func forward(
    input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, length: Int,
    isTraining: Bool, rectifies: Bool = false, measures: Bool = false, workers: Int = 1
  ) {
    usedBatchStatistics = isTraining
    let channels = channels
    let epsilon = Double(epsilon)
    // [gamma | beta | running mean | running variance] in, [mean | invStd] out (floats);
    // [batch variance | output sum | output sum of squares] out (doubles).
    let floats = channelFloats.reserve(6 * channels)
    let doubles = channelDoubles.reserve(3 * channels)
    floats.update(from: scale.values, count: channels)
    (floats + channels).update(from: shift.values, count: channels)
    (floats + 2 * channels).update(from: runningMean, count: channels)
    (floats + 3 * channels).update(from: runningVariance, count: channels)
    let means = floats + 4 * channels
    let inverseStds = floats + 5 * channels
    Parallel.forEachPart(min(workers, channels)) { part in
      for c in Parallel.range(ofPart: part, parts: min(workers, channels), count: channels) {
        let x = input + c * length
        let mean: Float
        let invStd: Float
        if isTraining {
          let m = Reductions.sum(x, count: length) / Double(length)
          let deviations = Reductions.sumOfSquaredDeviations(x, count: length, center: Float(m))
          let variance = deviations / Double(length)
          doubles[c] = variance
          mean = Float(m)
          invStd = Float(1 / (variance + epsilon).squareRoot())
        } else {
          mean = floats[2 * channels + c]
          invStd = 1 / (floats[3 * channels + c] + Float(epsilon)).squareRoot()
        }
        means[c] = mean
        inverseStds[c] = invStd
        let a = floats[c] * invStd
        let b = floats[channels + c] - mean * a
        let moments = FusedKernels.affine(
          x, into: output + c * length, count: length, scale: a, shift: b,
          rectifies: rectifies, measures: measures)
        doubles[channels + c] = moments.sum
        doubles[2 * channels + c] = moments.sumOfSquares
      }
    }
    var sum = 0.0
    var squares = 0.0
    for c in 0..<channels {
      inverseStandardDeviation[c] = inverseStds[c]
      sum += doubles[channels + c]
      squares += doubles[2 * channels + c]
      guard isTraining else { continue }
      let variance = doubles[c]
      let unbiased = length > 1 ? variance * Double(length) / Double(length - 1) : variance
      runningMean[c] = (1 - momentum) * runningMean[c] + momentum * means[c]
      runningVariance[c] = (1 - momentum) * runningVariance[c] + momentum * Float(unbiased)
      batchMean[c] = means[c]
    }
    outputMoments = (sum, squares)
  }

  /// The `Double` sum and sum of squares of the last forward's output (zeros unless measured).
  public private(set) var outputMoments: (sum: Double, sumOfSquares: Double) = (0, 0)

  /// Sets dgamma and dbeta and writes `dX` into `inputGradient`, which may alias `outputGradient`.
  ///
  /// - Parameters:
  ///   - input: The `x` of the last forward.
  ///   - rectifiedOutput: The output of a fused BN-ReLU forward: `outputGradient` is then the
  ///     gradient after the ReLU and is masked (in place) where the output is 0.
  ///   - workers: Threads to split the channels over.
  public func backward(
    input: UnsafePointer<Float>, outputGradient: UnsafeMutablePointer<Float>,
    inputGradient: UnsafeMutablePointer<Float>, length: Int,
    rectifiedOutput: UnsafePointer<Float>? = nil, workers: Int = 1
  ) {
    let channels = channels
    let m = Float(length)
    let batchStatistics = usedBatchStatistics
    // [gamma | mean | invStd | dgamma | dbeta] (floats).
    let floats = channelFloats.reserve(5 * channels)
    floats.update(from: scale.values, count: channels)
    (floats + channels).update(from: batchStatistics ? batchMean : runningMean, count: channels)
    (floats + 2 * channels).update(from: inverseStandardDeviation, count: channels)
    Parallel.forEachPart(min(workers, channels)) { part in
      for c in Parallel.range(ofPart: part, parts: min(workers, channels), count: channels) {
        let x = input + c * length
        let dy = outputGradient + c * length
        let dx = inputGradient + c * length
        let gamma = floats[c]
        let mean = floats[channels + c]
        let invStd = floats[2 * channels + c]
        // sum dy * xhat = invStd * (sum dy * x - mean * sum dy)
        let (sumDy, sumDyX) = FusedKernels.maskAndSums(
          gradient: dy, output: rectifiedOutput.map { $0 + c * length }, input: x,
          count: length)
        let dBeta = Float(sumDy)
        let dGamma = Float((sumDyX - Double(mean) * sumDy) * Double(invStd))
        floats[3 * channels + c] = dGamma
        floats[4 * channels + c] = dBeta
        let k = gamma * invStd
        if batchStatistics {
          // dx = k (dy - dBeta/m - (x - mean) invStd dGamma/m) = k dy + (c0 + c1 x)
          let slope = dGamma / m * invStd
          let c1 = -k * slope
          let c0 = -k * dBeta / m + k * slope * mean
          for i in 0..<length { dx[i] = k * dy[i] + (c0 + c1 * x[i]) }
        } else {
          for i in 0..<length { dx[i] = k * dy[i] }
        }
      }
    }
    for c in 0..<channels {
      scale.gradient[c] = floats[3 * channels + c]
      shift.gradient[c] = floats[4 * channels + c]
    }
  }
}
