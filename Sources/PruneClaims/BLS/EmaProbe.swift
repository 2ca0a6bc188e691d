import PruneAnalysis
import PruneCore

#if canImport(Glibc)
import Glibc
#endif

/// Drives the real BLS score source (`BatchLossScore`) like a filter: one sample, one batch per
/// step, the batch mean loss as the input and the sample's score as the output.
enum EmaProbe {
  /// The score sequence of a single sample whose batches have mean losses `input`.
  ///
  /// - Throws: ``PruneCoreError`` from the score source (alpha outside [0, 1), non-finite input).
  static func filtered(_ input: [Double], alpha: Double) throws -> [Double] {
    let configuration = try BatchLossScoreConfiguration(alpha: alpha)
    var score = try BatchLossScore(sampleCount: 1, configuration: configuration)
    var output = [Double](repeating: 0, count: input.count)
    let member = [0]
    for (t, value) in input.enumerated() {
      try score.update(
        with: BatchReport(
          epoch: t, position: 0, batchID: 0, samples: member[...], meanLoss: value))
      output[t] = score.scores[0]
    }
    return output
  }

  /// The measured impulse response h[0..<M], M the first length with alpha^M < `truncationBound`.
  static func impulseResponse(alpha: Double, truncationBound: Double) throws -> [Double] {
    let length = alpha > 0 ? max(2, Int((log(truncationBound) / log(alpha)).rounded(.up))) : 2
    var impulse = [Double](repeating: 0, count: length)
    impulse[0] = 1
    return try filtered(impulse, alpha: alpha)
  }

  /// The largest, over bins in `band`, standard error of the mean of per-chunk |H| estimates.
  static func largestStandardError(
    _ estimates: [MagnitudeResponse], in band: ClosedRange<Double>, of chunkCount: Int
  ) -> Double {
    guard let first = estimates.first, estimates.count > 1 else { return .infinity }
    var worst = 0.0
    for (k, f) in first.frequencies.enumerated() where band.contains(f) {
      var sum = 0.0
      var squares = 0.0
      for estimate in estimates {
        sum += estimate.magnitude[k]
        squares += estimate.magnitude[k] * estimate.magnitude[k]
      }
      let count = Double(estimates.count)
      let variance = max(0, (squares - sum * sum / count) / (count - 1))
      // The whole series has chunkCount times the data of one chunk.
      worst = max(worst, (variance / Double(chunkCount)).squareRoot())
    }
    return worst
  }
}

extension EmaProbe {
  /// The gain a Welch estimate sqrt(P_yy / P_xx) of the EMA converges to on white noise.
  ///
  /// A windowed periodogram sees the true spectrum through the window's kernel
  /// K(f) = |W(f)|^2, so for white input
  /// ```
  /// E[P_yy(f_k)] / E[P_xx(f_k)] = sum_j |H(nu_j)|^2 K(f_k - nu_j) / sum_j K(nu_j)
  /// ```
  /// evaluated on a grid nu_j = j / M, M = oversampling x L. Where |H|^2 bends within the
  /// kernel's width (alpha close to 1, f near 0) this differs from |H(f_k)|^2: the estimator's
  /// leakage bias, not a property of the filter.
  ///
  /// - Returns: One value per Welch bin k = 0 ... L/2.
  /// - Complexity: O(L M).
  static func welchExpectedGain(
    alpha: Double, window: Window = .hann, segmentLength: Int, oversampling: Int = 16
  ) throws -> [Double] {
    let fine = segmentLength * oversampling
    var padded = window.coefficients(length: segmentLength)
    padded.append(contentsOf: repeatElement(0, count: fine - segmentLength))
    let transform = try RealFFT(length: fine).forward(padded)
    var kernel = [Double](repeating: 0, count: fine)
    for (m, value) in transform.enumerated() {
      kernel[m] = value.magnitudeSquared
      if m > 0 && m < fine - m { kernel[fine - m] = value.magnitudeSquared }
    }
    var kernelTotal = 0.0
    for value in kernel { kernelTotal += value }
    var gainSquared = [Double](repeating: 0, count: fine)
    for j in 0..<fine {
      let h = MagnitudeResponse.exponentialMovingAverage(
        alpha: alpha, frequency: Double(j) / Double(fine))
      gainSquared[j] = h * h
    }
    var expected = [Double](repeating: 0, count: segmentLength / 2 + 1)
    for k in expected.indices {
      let centre = k * oversampling
      var sum = 0.0
      for j in 0..<fine {
        var offset = centre - j
        if offset < 0 { offset += fine }
        sum += gainSquared[j] * kernel[offset]
      }
      expected[k] = (sum / kernelTotal).squareRoot()
    }
    return expected
  }
}
