extension SeededGenerator {
  /// Moves a uniform random subset of `count` elements to the front of `buffer[0..<length]`
  /// (partial Fisher–Yates): for i in 0..<count, swap i with a uniform j in i..<length.
  ///
  /// The subset is uniform without replacement, like numpy's `choice(..., replace=False)`
  /// (algorithms.md §1.2); the draws are made in that documented order.
  ///
  /// - Complexity: O(`count`) draws and swaps; no allocation.
  @inlinable
  public mutating func moveRandomSubsetToFront(
    of buffer: UnsafeMutableBufferPointer<Int>, length: Int, count: Int
  ) {
    precondition(count >= 0 && count <= length && length <= buffer.count, "subset within buffer")
    var i = 0
    while i < count {
      let j = i + nextIndex(below: length - i)
      if i != j { buffer.swapAt(i, j) }
      i += 1
    }
  }
}

/// The generator of epoch `epoch` of a rule seeded with `seed` (algorithms.md Part A, "General").
@inlinable
public func epochGenerator(seed: UInt64, epoch: Int) -> SeededGenerator {
  SeededGenerator(seed: seed, stream: UInt64(truncatingIfNeeded: epoch))
}

/// The generator for draws made once before training (B-PAS's batches, static random's subset):
/// a stream no epoch uses.
@inlinable
public func setupGenerator(seed: UInt64) -> SeededGenerator {
  SeededGenerator(seed: seed, stream: UInt64.max)
}

extension SeededGenerator {
  /// A uniform random `count`-subset of `0..<population`, in ascending order.
  ///
  /// Selection sampling (Knuth, TAOCP vol. 2, Algorithm 3.4.2 S): index t is taken with
  /// probability (count - taken) / (population - t), one integer draw per index, in index order.
  /// Streams through memory, unlike a partial Fisher–Yates over a large buffer.
  /// - Complexity: O(`population`) draws; allocates the result only.
  public mutating func ascendingSubset(count: Int, of population: Int) -> [Int] {
    precondition(count >= 0 && count <= population, "count within the population")
    var taken = 0
    return [Int](unsafeUninitializedCapacity: count) { out, initialized in
      var t = 0
      while taken < count {
        if nextIndex(below: population - t) < count - taken {
          out[taken] = t
          taken += 1
        }
        t += 1
      }
      initialized = count
    }
  }
}
