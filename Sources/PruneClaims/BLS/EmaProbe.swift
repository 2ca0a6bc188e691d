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
