/// A short identity of the images a run trains on, so a checkpoint is never resumed on other
/// data: sizes plus a 64-bit FNV-1a hash of the labels and the pixels' bit patterns.
public struct DataFingerprint: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The source's name (`fashion-mnist`, `synthetic`).
  public var source: String
  /// Training samples.
  public var trainCount: Int
  /// Test samples.
  public var testCount: Int
  /// FNV-1a over train and test labels and pixels.
  public var hash: UInt64

  /// The fingerprint of `data`.
  /// - Complexity: O(pixels); about 0.1 s for Fashion-MNIST in a release build.
  public init(_ data: TrainingData) {
    source = data.source.name
    trainCount = data.train.sampleCount
    testCount = data.test.sampleCount
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for set in [data.train, data.test] {
      for label in set.labels { Self.mix(UInt64(bitPattern: Int64(label)), into: &h) }
      set.pixels.withUnsafeBufferPointer { p in
        for value in p { Self.mix(UInt64(value.bitPattern), into: &h) }
      }
    }
    hash = h
  }

  @inline(__always)
  private static func mix(_ word: UInt64, into h: inout UInt64) {
    h = (h ^ word) &* 0x0000_0100_0000_01B3
  }

  public var description: String {
    "\(source) (\(trainCount) train, \(testCount) test, hash \(hash))"
  }
}
