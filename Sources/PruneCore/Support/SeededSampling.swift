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

  /// Shuffles `samples` and `weights` with one permutation, with the draw order of
  /// ``Swift/MutableCollection/seededShuffle(using:)``: for i from the last index down to 1,
  /// swap i with a uniform j in 0...i.
  ///
  /// - Complexity: O(*n*); no allocation.
  @inlinable
  public mutating func shuffleTogether(_ samples: inout [Int], _ weights: inout [Double]) {
    precondition(samples.count == weights.count, "one weight per sample")
    guard samples.count > 1 else { return }
    samples.withUnsafeMutableBufferPointer { s in
      weights.withUnsafeMutableBufferPointer { w in
        var i = s.count - 1
        while i > 0 {
          let j = nextIndex(below: i + 1)
          if i != j {
            s.swapAt(i, j)
            w.swapAt(i, j)
          }
          i -= 1
        }
      }
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
