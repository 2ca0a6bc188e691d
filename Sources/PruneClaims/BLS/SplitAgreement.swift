import PruneAnalysis
import PruneCore

#if canImport(Glibc)
  import Glibc
#endif

/// How well one score reproduces InfoBatch's below-mean split of another (BLS-4).
///
/// InfoBatch prunes from the samples whose score is below the mean; a proxy score is good enough
/// for it when it puts the same samples on the same side. The agreement is the share of samples
/// on the same side of their mean under both scores (1: the same split, 1/2: a coin flip).
enum SplitAgreement {
  /// The share of i with (x_i < mean x) == (y_i < mean y).
  static func share(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count && !x.isEmpty, "two scores of the same samples")
    let meanX = x.reduce(0, +) / Double(x.count)
    let meanY = y.reduce(0, +) / Double(y.count)
    var same = 0
    for i in x.indices where (x[i] < meanX) == (y[i] < meanY) { same += 1 }
    return Double(same) / Double(x.count)
  }

  /// The rank correlation a score needs for its below-mean split to agree with `truth`'s on a
  /// share `target` of the samples, when it has `truth`'s own distribution (so the same share of
  /// samples below its mean) and a Gaussian-copula dependence on it.
  ///
  /// The proxy puts truth's sorted values in the order of z = c g + sqrt(1 − c²) ε, g the
  /// normal scores of truth's ranks and ε fixed seeded noise; c is bisected until the proxy's
  /// agreement reaches `target`, and the proxy's Spearman correlation with `truth` there is
  /// returned. It translates the statement's threshold into the rank correlation it needs.
  static func spearmanNeeded(truth: [Double], agreement target: Double, seed: UInt64) throws
    -> Double
  {
    let n = truth.count
    let order = truth.indices.sorted { (truth[$0], $0) < (truth[$1], $1) }
    let sortedValues = order.map { truth[$0] }
    let normal = try NormalDistribution()
    var normalScore = [Double](repeating: 0, count: n)
    for (rank, i) in order.enumerated() {
      normalScore[i] = try normal.quantile((Double(rank) + 0.5) / Double(n))
    }
    var generator = SeededGenerator(seed: seed, stream: 0xB154_C0BA)
    let noise = (0..<n).map { _ in generator.nextGaussian() }
    func proxy(_ c: Double) -> [Double] {
      let z = (0..<n).map { c * normalScore[$0] + (1 - c * c).squareRoot() * noise[$0] }
      var values = [Double](repeating: 0, count: n)
      for (rank, i) in z.indices.sorted(by: { (z[$0], $0) < (z[$1], $1) }).enumerated() {
        values[i] = sortedValues[rank]
      }
      return values
    }
    var low = 0.0
    var high = 1.0
    for _ in 0..<30 {
      let middle = (low + high) / 2
      if share(proxy(middle), truth) < target { low = middle } else { high = middle }
    }
    return try Correlation.spearman(proxy(high), truth)
  }
}
