extension SeededGenerator {
  /// One byte per sample for ``shuffleMarkedSamples(_:length:scratch:boostedWeight:samples:weights:)``:
  /// the sample is left out, listed with weight 1, or listed with the boosted weight.
  public enum SampleMark {
    public static let omitted: UInt8 = 0
    public static let listed: UInt8 = 1
    public static let boosted: UInt8 = 2
  }

  /// Shuffles the list that `marks` describes into a plan's samples and weights, with exactly the
  /// draws and the result of listing it and calling ``shuffle(from:into:)``.
  ///
  /// The list is every sample i with a mark other than ``SampleMark/omitted``, in index order;
  /// a ``SampleMark/boosted`` sample gets weight `boostedWeight`, the others 1. The plain way
  /// (write the list, shuffle it into the plan, then decode the weights) makes three passes over
  /// plan-sized arrays; this makes one (issue 13, item 1):
  /// - the bucket draws of ``shuffle(from:into:)`` need only the list's length, so they come
  ///   first, into `scratch`;
  /// - one pass over the marks scatters each listed sample straight to its bucket (the list is
  ///   never written);
  /// - each bucket is Fisher–Yates shuffled and its weights written while it is in the cache.
  ///
  /// - Parameters:
  ///   - marks: One ``SampleMark`` per sample.
  ///   - length: The number of marks that are not ``SampleMark/omitted``.
  ///   - scratch: At least `length` bytes (the bucket of each list entry).
  ///   - samples: At least `length` entries; `samples[0..<length]` receives the shuffled list.
  ///   - weights: At least `length` entries; `weights[0..<length]` receives their weights.
  /// - Complexity: O(*N*) for N marks; no allocation beyond the bucket table.
  public mutating func shuffleMarkedSamples(
    _ marks: UnsafeBufferPointer<UInt8>, length: Int, scratch: UnsafeMutableBufferPointer<UInt8>,
    boostedWeight: Double, samples: UnsafeMutableBufferPointer<Int>,
    weights: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(
      samples.count >= length && weights.count >= length && scratch.count >= length,
      "room for the listed samples")
    guard length > Self.bucketedShuffleThreshold else {
      Self.writeList(marks, into: samples)
      Self.fisherYates(samples, from: 0, to: length, using: &self)
      Self.decode(samples, weights, from: 0, to: length, boostedWeight: boostedWeight)
      return
    }
    let bits = Self.bucketBits(forCount: length)
    let bucketCount = 1 << bits
    let shift = UInt64(64 - bits)
    var offsets = [Int](repeating: 0, count: bucketCount + 1)
    offsets.withUnsafeMutableBufferPointer { offsets in
      for k in 0..<length {
        let bucket = UInt8(truncatingIfNeeded: self.next() >> shift)
        scratch[k] = bucket
        offsets[Int(bucket) + 1] += 1
      }
      for b in 0..<bucketCount { offsets[b + 1] += offsets[b] }
    }
    var cursor = [Int](repeating: 0, count: bucketCount)
    cursor.withUnsafeMutableBufferPointer { next in
      for b in 0..<bucketCount { next[b] = offsets[b] }
      // No branch (which samples are omitted is unpredictable): an omitted sample is written
      // where the next listed one will be, which overwrites it.
      var k = 0
      for i in 0..<Self.listedPrefix(marks) {
        let mark = Int(marks[i])
        let isListed = (mark | mark >> 1) & 1
        let bucket = Int(scratch[k])
        let slot = next[bucket]
        samples[slot] = i ^ -(mark >> 1)
        next[bucket] = slot &+ isListed
        k &+= isListed
      }
    }
    for b in 0..<bucketCount {
      Self.fisherYates(samples, from: offsets[b], to: offsets[b + 1], using: &self)
      Self.decode(
        samples, weights, from: offsets[b], to: offsets[b + 1], boostedWeight: boostedWeight)
    }
  }

  /// Writes the listed samples in index order, a boosted one as `~i`, without a branch: an
  /// omitted sample is written where the next listed one will be, which overwrites it.
  private static func writeList(
    _ marks: UnsafeBufferPointer<UInt8>, into list: UnsafeMutableBufferPointer<Int>
  ) {
    var k = 0
    for i in 0..<listedPrefix(marks) {
      let mark = Int(marks[i])
      list[k] = i ^ -(mark >> 1)
      k &+= (mark | mark >> 1) & 1
    }
  }

  /// One past the last listed sample (0 when none is): the omitted samples after it are skipped.
  private static func listedPrefix(_ marks: UnsafeBufferPointer<UInt8>) -> Int {
    var end = marks.count
    while end > 0 && marks[end - 1] == SampleMark.omitted { end -= 1 }
    return end
  }

  /// Turns entries `~i` back into `i` with weight `boostedWeight`; the others get weight 1.
  private static func decode(
    _ samples: UnsafeMutableBufferPointer<Int>, _ weights: UnsafeMutableBufferPointer<Double>,
    from start: Int, to end: Int, boostedWeight: Double
  ) {
    let one = (1.0).bitPattern
    let difference = one ^ boostedWeight.bitPattern
    for j in start..<end {
      // All ones for a boosted entry (negative), zero otherwise: no branch.
      let mask = samples[j] >> 63
      samples[j] ^= mask
      weights[j] = Double(bitPattern: one ^ (difference & UInt64(bitPattern: Int64(mask))))
    }
  }
}
