import Testing

@testable import PruneCore

/// ``SeededGenerator/shuffleMarkedSamples(_:length:scratch:boostedWeight:samples:weights:)`` must
/// give the bytes and draws of the plain way it replaces in InfoBatch's plan (issue 13): list the
/// marked samples in index order (`~i` for a boosted one), ``SeededGenerator/shuffle(from:into:)``,
/// then decode the weights.
@Suite struct MarkedSampleShuffleTests {
  /// The plain way, kept here as the reference.
  static func reference(
    _ marks: [UInt8], boostedWeight: Double, using generator: inout SeededGenerator
  ) -> (samples: [Int], weights: [Double]) {
    var list: [Int] = []
    for (i, mark) in marks.enumerated() where mark != SeededGenerator.SampleMark.omitted {
      list.append(mark == SeededGenerator.SampleMark.boosted ? ~i : i)
    }
    let shuffled = generator.shuffled(list)
    return (
      shuffled.map { $0 < 0 ? ~$0 : $0 }, shuffled.map { $0 < 0 ? boostedWeight : 1 }
    )
  }

  static func fused(
    _ marks: [UInt8], boostedWeight: Double, using generator: inout SeededGenerator
  ) -> (samples: [Int], weights: [Double]) {
    let length = marks.filter { $0 != SeededGenerator.SampleMark.omitted }.count
    var scratch = [UInt8](repeating: 7, count: length)
    var samples = [Int](repeating: -1, count: length)
    var weights = [Double](repeating: -1, count: length)
    marks.withUnsafeBufferPointer { marks in
      scratch.withUnsafeMutableBufferPointer { scratch in
        samples.withUnsafeMutableBufferPointer { samples in
          weights.withUnsafeMutableBufferPointer { weights in
            generator.shuffleMarkedSamples(
              marks, length: length, scratch: scratch, boostedWeight: boostedWeight,
              samples: samples, weights: weights)
          }
        }
      }
    }
    return (samples, weights)
  }

  /// Random marks with a given share omitted and boosted, at sizes around the bucketed
  /// threshold (65,536: 65,537 and more take the bucketed path when nothing is omitted).
  @Test(arguments: [0, 1, 2, 1_000, 65_536, 65_537, 65_540, 100_003, 300_001])
  func matchesListShuffleDecode(sampleCount: Int) {
    for (omitted, boosted) in [(0.0, 0.0), (0.25, 0.25), (0.9, 0.05), (0.0, 1.0), (1.0, 0.0)] {
      var marker = SeededGenerator(seed: UInt64(sampleCount) &+ 5)
      let marks = (0..<sampleCount).map { _ -> UInt8 in
        let u = marker.nextUnit()
        return u < omitted ? 0 : u < omitted + boosted ? 2 : 1
      }
      var a = SeededGenerator(seed: 31, stream: 4)
      var b = a
      let expected = Self.reference(marks, boostedWeight: 1 / 0.7, using: &a)
      let actual = Self.fused(marks, boostedWeight: 1 / 0.7, using: &b)
      #expect(actual.samples == expected.samples, "N = \(sampleCount), omitted \(omitted)")
      #expect(actual.weights == expected.weights, "N = \(sampleCount), omitted \(omitted)")
      // The same number of draws: the generators continue alike.
      #expect(a == b, "N = \(sampleCount), omitted \(omitted)")
    }
  }

  /// A list whose length sits exactly on the threshold, out of more samples: the plain path.
  @Test func lengthOnTheThresholdOutOfMoreSamples() {
    let count = SeededGenerator.bucketedShuffleThreshold
    var marks = [UInt8](repeating: 1, count: count + 1_000)
    for i in stride(from: 0, to: 2_000, by: 2) { marks[i] = 0 }
    for i in stride(from: 1, to: 2_000, by: 4) { marks[i] = 2 }
    var a = SeededGenerator(seed: 3)
    var b = a
    let expected = Self.reference(marks, boostedWeight: 2, using: &a)
    let actual = Self.fused(marks, boostedWeight: 2, using: &b)
    #expect(actual.samples.count == count)
    #expect(actual.samples == expected.samples && actual.weights == expected.weights && a == b)
  }
}
