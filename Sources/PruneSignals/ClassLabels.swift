import PruneCore

/// Class labels for synthetic data sets, balanced or long-tailed.
public enum ClassLabels {
  /// The size of each class: class k gets a share ∝ ratio^(-k / (K - 1)), so class 0 is the
  /// largest and class K-1 is `ratio` times smaller (the long-tailed CIFAR profile of Cui et al.,
  /// CVPR 2019); shares are rounded by largest remainder so the sizes add up to `sampleCount`.
  ///
  /// - Precondition: `sampleCount >= 0`, `classCount >= 1`, `ratio >= 1`.
  public static func classSizes(sampleCount: Int, classCount: Int, ratio: Double) -> [Int] {
    precondition(sampleCount >= 0 && classCount >= 1 && ratio >= 1, "invalid class layout")
    var shares = [Double](repeating: 1, count: classCount)
    if classCount > 1 {
      for k in 0..<classCount {
        shares[k] = RandomDraws.pow(ratio, -Double(k) / Double(classCount - 1))
      }
    }
    var total = 0.0
    for share in shares { total += share }
    var sizes = [Int](repeating: 0, count: classCount)
    var remainders: [(remainder: Double, classIndex: Int)] = []
    remainders.reserveCapacity(classCount)
    var assigned = 0
    for k in 0..<classCount {
      let exact = Double(sampleCount) * shares[k] / total
      sizes[k] = Int(exact.rounded(.down))
      assigned += sizes[k]
      remainders.append((exact - Double(sizes[k]), k))
    }
    // Largest remainder first; ties go to the lower class index.
    remainders.sort {
      $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.classIndex < $1.classIndex
    }
    var next = 0
    while assigned < sampleCount {
      sizes[remainders[next % classCount].classIndex] += 1
      assigned += 1
      next += 1
    }
    return sizes
  }

  /// One label per sample: ``classSizes(sampleCount:classCount:ratio:)`` labels laid out in class
  /// order, then shuffled with `generator` (``Swift/MutableCollection/seededShuffle(using:)``).
  public static func labels(
    sampleCount: Int, classCount: Int, ratio: Double, using generator: inout SeededGenerator
  ) -> [Int] {
    let sizes = classSizes(sampleCount: sampleCount, classCount: classCount, ratio: ratio)
    var labels: [Int] = []
    labels.reserveCapacity(sampleCount)
    for (k, size) in sizes.enumerated() {
      labels.append(contentsOf: repeatElement(k, count: size))
    }
    labels.seededShuffle(using: &generator)
    return labels
  }
}
