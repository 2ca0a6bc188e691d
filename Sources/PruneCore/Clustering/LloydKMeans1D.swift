/// Lloyd's k-means in one dimension from a seeded k-means++ start (Arthur & Vassilvitskii 2007).
///
/// The method sklearn's `KMeans` runs for SeTa (algorithms.md §3), here with one plain k-means++
/// start (sklearn uses a greedy variant and, before 1.4, ten restarts): it finds a local optimum,
/// which can differ from ``OptimalKMeans1D`` and from sklearn, in particular on ties.
public enum LloydKMeans1D {
  /// Splits `sorted` (ascending) into at most `groupCount` contiguous groups.
  ///
  /// Draws from `generator`: the first centre uniformly, each next one with probability
  /// proportional to the squared distance to the nearest centre. Iterates until no point changes
  /// group or `maxIterations` is reached; groups that end up empty are dropped.
  /// - Returns: The exclusive end offset of each group, ascending; the last is `sorted.count`.
  /// - Complexity: O(*n k*) per iteration.
  public static func groupEnds(
    sorted: [Double], groupCount: Int, using generator: inout SeededGenerator,
    maxIterations: Int = 300
  ) -> [Int] {
    precondition(groupCount >= 1, "groupCount must be at least 1")
    let n = sorted.count
    guard n > 0 else { return [] }
    var centres = seedCentres(sorted: sorted, count: groupCount, using: &generator)
    var ends = boundaries(sorted: sorted, centres: centres)
    for _ in 0..<maxIterations {
      centres = means(sorted: sorted, ends: ends)
      let next = boundaries(sorted: sorted, centres: centres)
      if next == ends { break }
      ends = next
    }
    return ends
  }

  /// k-means++ seeding; stops early when every point already coincides with a centre.
  static func seedCentres(sorted: [Double], count: Int, using generator: inout SeededGenerator)
    -> [Double]
  {
    var centres = [sorted[generator.nextIndex(below: sorted.count)]]
    var nearest = sorted.map { ($0 - centres[0]) * ($0 - centres[0]) }
    while centres.count < count {
      var total = 0.0
      for d in nearest { total += d }
      guard total > 0 else { break }
      let target = generator.nextUnit() * total
      var running = 0.0
      var chosen = sorted.count - 1
      for (i, d) in nearest.enumerated() {
        running += d
        if running > target {
          chosen = i
          break
        }
      }
      let centre = sorted[chosen]
      centres.append(centre)
      for i in nearest.indices {
        nearest[i] = min(nearest[i], (sorted[i] - centre) * (sorted[i] - centre))
      }
    }
    return centres.sorted()
  }

  /// Assigns each sorted point to its nearest centre (the lower one on a tie) and returns the
  /// ends of the non-empty groups.
  static func boundaries(sorted: [Double], centres: [Double]) -> [Int] {
    var ends: [Int] = []
    var group = 0
    var count = 0
    for x in sorted {
      while group + 1 < centres.count, abs(x - centres[group + 1]) < abs(x - centres[group]) {
        if count > 0 { ends.append(count + (ends.last ?? 0)) }
        count = 0
        group += 1
      }
      count += 1
    }
    ends.append(count + (ends.last ?? 0))
    return ends
  }

  /// The mean of each group.
  static func means(sorted: [Double], ends: [Int]) -> [Double] {
    var start = 0
    return ends.map { end in
      var total = 0.0
      for i in start..<end { total += sorted[i] }
      defer { start = end }
      return total / Double(end - start)
    }
  }
}
