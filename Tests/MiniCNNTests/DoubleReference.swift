import PruneCore

@testable import MiniCNN

#if canImport(Glibc)
  import Glibc
#endif

/// Naive double-precision versions of every layer, written from the equations (not from the
/// library's kernels), in plain NCHW order. Gradient checks differentiate these by central
/// differences: with h = 1e-5 in Double the truncation error is O(h^2) ~ 1e-10 and the rounding
/// error ~ 1e-16 / h ~ 1e-11, so the reference gradient is exact to ~1e-9 relative; whatever the
/// comparison then shows is the float32 library's own error.
enum DoubleReference {
  /// `[B][Co][H][W]` for `x[B][Ci][H][W]`, `w[Co][Ci][3][3]`, zero padding 1.
  static func convolution(
    _ x: [Double], batch: Int, inputChannels: Int, outputChannels: Int, height: Int, width: Int,
    weight: [Double], bias: [Double]?
  ) -> [Double] {
    var y = [Double](repeating: 0, count: batch * outputChannels * height * width)
    for n in 0..<batch {
      for co in 0..<outputChannels {
        for i in 0..<height {
          for j in 0..<width {
            var total = bias?[co] ?? 0
            for ci in 0..<inputChannels {
              for ky in 0..<3 {
                for kx in 0..<3 {
                  let yy = i + ky - 1
                  let xx = j + kx - 1
                  guard yy >= 0, yy < height, xx >= 0, xx < width else { continue }
                  total +=
                    weight[((co * inputChannels + ci) * 3 + ky) * 3 + kx]
                    * x[((n * inputChannels + ci) * height + yy) * width + xx]
                }
              }
            }
            y[((n * outputChannels + co) * height + i) * width + j] = total
          }
        }
      }
    }
    return y
  }

  /// Train-mode BN over NCHW with batch statistics (biased variance).
  static func batchNormTrain(
    _ x: [Double], batch: Int, channels: Int, plane: Int, gamma: [Double], beta: [Double],
    epsilon: Double = 1e-5
  ) -> (y: [Double], mean: [Double], variance: [Double]) {
    var y = x
    var means = [Double](repeating: 0, count: channels)
    var variances = [Double](repeating: 0, count: channels)
    let m = Double(batch * plane)
    for c in 0..<channels {
      var total = 0.0
      for n in 0..<batch { for p in 0..<plane { total += x[(n * channels + c) * plane + p] } }
      let mean = total / m
      var squares = 0.0
      for n in 0..<batch {
        for p in 0..<plane {
          let d = x[(n * channels + c) * plane + p] - mean
          squares += d * d
        }
      }
      let variance = squares / m
      means[c] = mean
      variances[c] = variance
      for n in 0..<batch {
        for p in 0..<plane {
          let index = (n * channels + c) * plane + p
          y[index] = gamma[c] * (x[index] - mean) / (variance + epsilon).squareRoot() + beta[c]
        }
      }
    }
    return (y, means, variances)
  }

  /// Eval-mode BN with given statistics.
  static func batchNormEval(
    _ x: [Double], batch: Int, channels: Int, plane: Int, gamma: [Double], beta: [Double],
    mean: [Double], variance: [Double], epsilon: Double = 1e-5
  ) -> [Double] {
    var y = x
    for n in 0..<batch {
      for c in 0..<channels {
        for p in 0..<plane {
          let index = (n * channels + c) * plane + p
          y[index] =
            gamma[c] * (x[index] - mean[c]) / (variance[c] + epsilon).squareRoot() + beta[c]
        }
      }
    }
    return y
  }

  static func relu(_ x: [Double]) -> [Double] { x.map { max(0, $0) } }

  /// 2x2 max pooling of `planes` planes.
  static func maxPool(_ x: [Double], planes: Int, height: Int, width: Int) -> [Double] {
    let oh = height / 2
    let ow = width / 2
    var y = [Double](repeating: 0, count: planes * oh * ow)
    for p in 0..<planes {
      for i in 0..<oh {
        for j in 0..<ow {
          var best = -Double.infinity
          for dy in 0..<2 {
            for dx in 0..<2 { best = max(best, x[(p * height + 2 * i + dy) * width + 2 * j + dx]) }
          }
          y[(p * oh + i) * ow + j] = best
        }
      }
    }
    return y
  }

  /// The mean of each plane.
  static func globalAveragePool(_ x: [Double], planes: Int, plane: Int) -> [Double] {
    (0..<planes).map { p in
      var total = 0.0
      for i in 0..<plane { total += x[p * plane + i] }
      return total / Double(plane)
    }
  }

  /// `y[B][K] = x[B][F] W^T + b`.
  static func linear(
    _ x: [Double], batch: Int, inputs: Int, outputs: Int, weight: [Double], bias: [Double]
  ) -> [Double] {
    var y = [Double](repeating: 0, count: batch * outputs)
    for n in 0..<batch {
      for k in 0..<outputs {
        var total = bias[k]
        for f in 0..<inputs { total += weight[k * inputs + f] * x[n * inputs + f] }
        y[n * outputs + k] = total
      }
    }
    return y
  }

  /// Per-sample smoothed cross-entropy `-sum q log softmax(z)` and `(1/B) sum w_i l_i`.
  static func crossEntropy(
    _ logits: [Double], labels: [Int], weights: [Double], classes: Int, smoothing: Double
  ) -> (losses: [Double], batchLoss: Double) {
    let batch = labels.count
    var losses: [Double] = []
    var total = 0.0
    for n in 0..<batch {
      let z = Array(logits[(n * classes)..<((n + 1) * classes)])
      let peak = z.max() ?? 0
      let logPartition = peak + log(z.reduce(0) { $0 + exp($1 - peak) })
      var loss = 0.0
      for k in 0..<classes {
        let q = (k == labels[n] ? 1 - smoothing : 0) + smoothing / Double(classes)
        loss -= q * (z[k] - logPartition)
      }
      losses.append(loss)
      total += weights[n] * loss
    }
    return (losses, total / Double(batch))
  }

  /// The unbiased standard deviation of all values (two-pass, Double).
  static func unbiasedStandardDeviation(_ x: [Double]) -> Double {
    let mean = x.reduce(0, +) / Double(x.count)
    let squares = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(x.count - 1)).squareRoot()
  }

  /// Central differences of `f` at `point`, one coordinate at a time.
  static func gradient(
    of f: ([Double]) -> Double, at point: [Double], step: Double = 1e-5
  ) -> [Double] {
    var probe = point
    return (0..<point.count).map { i in
      probe[i] = point[i] + step
      let up = f(probe)
      probe[i] = point[i] - step
      let down = f(probe)
      probe[i] = point[i]
      return (up - down) / (2 * step)
    }
  }

  /// `[B][C][P]` to `[C][B][P]` (works for both directions with the extents swapped).
  static func transposeBatchAndChannels<T>(_ x: [T], batch: Int, channels: Int, plane: Int) -> [T] {
    var y = x
    for n in 0..<batch {
      for c in 0..<channels {
        for p in 0..<plane { y[(c * batch + n) * plane + p] = x[(n * channels + c) * plane + p] }
      }
    }
    return y
  }

  /// Gaussian doubles from a seeded generator.
  static func gaussians(_ count: Int, seed: UInt64, scale: Double = 1) -> [Double] {
    var generator = SeededGenerator(seed: seed, stream: 99)
    return (0..<count).map { _ in generator.nextGaussian() * scale }
  }
}

/// The largest |analytic - reference| relative to the largest |reference| (0 when both vanish).
///
/// Float32 kernels sum at most a few hundred products per entry here; with eps = 6e-8 the worst
/// case is ~1e-5 of the entries' scale, so gradient checks require a scaled error below 1e-4.
func scaledMaximumError(_ analytic: [Float], _ reference: [Double]) -> Double {
  precondition(analytic.count == reference.count, "same length")
  var scale = 0.0
  var error = 0.0
  for (a, r) in zip(analytic, reference) {
    scale = max(scale, abs(r))
    error = max(error, abs(Double(a) - r))
  }
  return scale == 0 ? error : error / scale
}

extension Array where Element == Double {
  var floats: [Float] { map { Float($0) } }
}

extension Array where Element == Float {
  var doubles: [Double] { map { Double($0) } }
}

/// A library scratch buffer holding `values` (tests pass its pointer to the layers).
func scratch(_ values: [Float]) -> ScratchBuffer<Float> {
  let buffer = ScratchBuffer<Float>(count: values.count)
  buffer.pointer.update(from: values, count: values.count)
  return buffer
}

/// A zeroed library scratch buffer of `count` floats.
func scratch(count: Int) -> ScratchBuffer<Float> { ScratchBuffer<Float>(count: count) }
