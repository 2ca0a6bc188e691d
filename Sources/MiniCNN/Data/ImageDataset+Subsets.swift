import PruneCore

extension ImageDataset {
  /// The indices of a stratified random subset of `count` images: equal shares per class (the
  /// remainder of `count / classCount` goes to the lowest classes), chosen uniformly within each
  /// class from a generator seeded by `seed`, returned in ascending index order.
  ///
  /// Equal shares, as cnn.md's "stratified subset (e.g. 6,000 train)" asks for Fashion-MNIST,
  /// whose classes are balanced; an imbalanced set would need proportional shares instead.
  ///
  /// - Parameters:
  ///   - count: The subset size, `1...sampleCount`.
  ///   - seed: The seed of the draw; the same seed gives the same subset.
  /// - Throws: ``MiniCNNError/outOfRange(parameter:value:allowed:)`` for a bad `count`,
  ///   ``MiniCNNError/inconsistent(parameters:reason:)`` when a class has fewer images than its
  ///   share.
  /// - Complexity: O(*N*).
  public func stratifiedSubsetIndices(count: Int, seed: UInt64) throws -> [Int] {
    guard count >= 1, count <= sampleCount else {
      throw MiniCNNError.outOfRange(
        parameter: "subset", value: Double(count), allowed: "1...\(sampleCount) (the set's size)")
    }
    let shares = Apportionment.parts(
      of: count, shares: [Double](repeating: 1, count: classCount))
    var members = [[Int]](repeating: [], count: classCount)
    for (index, label) in labels.enumerated() { members[label].append(index) }
    var generator = SeededGenerator(seed: seed, stream: 0x5354_5241_5449_4659)  // "STRATIFY"
    var chosen: [Int] = []
    chosen.reserveCapacity(count)
    for k in 0..<classCount {
      guard members[k].count >= shares[k] else {
        throw MiniCNNError.inconsistent(
          parameters: "subset",
          reason: "class \(k) has \(members[k].count) images but its equal share of \(count) is "
            + "\(shares[k]); pass a smaller subset.")
      }
      var pool = members[k]
      // Partial Fisher–Yates: the first shares[k] entries become a uniform sample.
      for i in 0..<shares[k] {
        let j = i + generator.nextIndex(below: pool.count - i)
        pool.swapAt(i, j)
      }
      chosen.append(contentsOf: pool[0..<shares[k]])
    }
    chosen.sort()
    return chosen
  }

  /// A stratified random subset (see ``stratifiedSubsetIndices(count:seed:)``).
  public func stratifiedSubset(count: Int, seed: UInt64) throws -> ImageDataset {
    subset(at: try stratifiedSubsetIndices(count: count, seed: seed))
  }
}
