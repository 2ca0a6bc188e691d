extension SeededGenerator {
  /// Below this many elements a shuffle is plain Fisher–Yates; above it, one level of
  /// Rao–Sandelius bucketing keeps the random accesses inside the cache.
  public static let bucketedShuffleThreshold = 1 << 16

  /// Writes a uniformly shuffled copy of `source` into `destination` (same count).
  ///
  /// Up to ``bucketedShuffleThreshold`` elements: the draw order of
  /// ``Swift/MutableCollection/seededShuffle(using:)`` applied to a copy (same result).
  /// Above it, Rao–Sandelius (1961) with one level: every element goes to a uniform random
  /// bucket (one draw each, kept in a byte per element for the second pass), the
  /// buckets are laid out in order, and each bucket is Fisher–Yates shuffled. A uniform bucket
  /// assignment followed by uniform shuffles inside the buckets is a uniform permutation; the
  /// point is speed: a 10-million-element Fisher–Yates misses the cache on nearly every swap,
  /// this one streams through memory twice and shuffles at most 256 buckets that fit in L2.
  ///
  /// - Complexity: O(*n*) draws and moves; allocates the bucket table and one byte per element.
  public mutating func shuffle(
    from source: UnsafeBufferPointer<Int>, into destination: UnsafeMutableBufferPointer<Int>
  ) {
    let count = source.count
    precondition(destination.count == count, "destination must match the source")
    guard count > Self.bucketedShuffleThreshold else {
      for i in 0..<count { destination[i] = source[i] }
      Self.fisherYates(destination, from: 0, to: count, using: &self)
      return
    }
    let bits = Self.bucketBits(forCount: count)
    let bucketCount = 1 << bits
    let shift = UInt64(64 - bits)
    // The bucket of each element is drawn once and kept (one byte each) for the second pass.
    var offsets = [Int](repeating: 0, count: bucketCount + 1)
    let buckets = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count)
    defer { buckets.deallocate() }
    offsets.withUnsafeMutableBufferPointer { offsets in
      for i in 0..<count {
        let bucket = UInt8(truncatingIfNeeded: self.next() >> shift)
        buckets[i] = bucket
        offsets[Int(bucket) + 1] += 1
      }
      for b in 0..<bucketCount { offsets[b + 1] += offsets[b] }
    }
    var cursor = Array(offsets[0..<bucketCount])
    cursor.withUnsafeMutableBufferPointer { next in
      for i in 0..<count {
        let bucket = Int(buckets[i])
        destination[next[bucket]] = source[i]
        next[bucket] += 1
      }
    }
    for b in 0..<bucketCount {
      Self.fisherYates(destination, from: offsets[b], to: offsets[b + 1], using: &self)
    }
  }

  /// log2 of the number of buckets for `count` elements: about 8,192 elements per bucket, between
  /// 2 and 256 buckets (part of the draw order).
  static func bucketBits(forCount count: Int) -> Int {
    var bits = 1
    while (count >> (bits + 13)) > 0 && bits < 8 { bits += 1 }
    return bits
  }

  /// Returns `array` shuffled with ``shuffle(from:into:)``.
  public mutating func shuffled(_ array: [Int]) -> [Int] {
    [Int](unsafeUninitializedCapacity: array.count) { out, initialized in
      // Initialise before use: Int is trivial, so writing through the pointer is enough.
      array.withUnsafeBufferPointer { source in
        shuffle(from: source, into: out)
      }
      initialized = array.count
    }
  }

  /// Fisher–Yates on `buffer[start..<end]`: for i from the last index down to start + 1, swap i
  /// with a uniform j in start...i.
  @usableFromInline
  static func fisherYates(
    _ buffer: UnsafeMutableBufferPointer<Int>, from start: Int, to end: Int,
    using generator: inout SeededGenerator
  ) {
    var i = end - 1
    while i > start {
      let j = start + generator.nextIndex(below: i - start + 1)
      if i != j { buffer.swapAt(i, j) }
      i -= 1
    }
  }
}
