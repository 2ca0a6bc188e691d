import PropertyBased
import Testing
@testable import PruneCore

@Suite struct KMeans1DTests {
  /// The total within-group SSE of a partition given by its ends.
  func sse(_ values: [Double], ends: [Int]) -> Double {
    var start = 0
    var total = 0.0
    for end in ends {
      let group = values[start..<end]
      let mean = group.reduce(0, +) / Double(group.count)
      total += group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      start = end
    }
    return total
  }

  /// The least SSE over every split of `values` into `k` non-empty contiguous groups.
  func bruteForce(_ values: [Double], k: Int) -> Double {
    func best(_ start: Int, _ groups: Int) -> Double {
      if groups == 1 { return sse(Array(values[start...]), ends: [values.count - start]) }
      var result = Double.infinity
      for end in (start + 1)...(values.count - groups + 1) {
        let head = sse(Array(values[start..<end]), ends: [end - start])
        result = min(result, head + best(end, groups - 1))
      }
      return result
    }
    return best(0, k)
  }

  @Test func knownSplit() {
    let values: [Double] = [1, 1.1, 1.2, 5, 5.1, 9, 9.2, 9.4]
    #expect(OptimalKMeans1D.groupEnds(sorted: values, groupCount: 3) == [3, 5, 8])
    #expect(OptimalKMeans1D.groupEnds(sorted: values, groupCount: 1) == [8])
    #expect(OptimalKMeans1D.groupEnds(sorted: [2, 2, 2], groupCount: 3) == [3])
    #expect(OptimalKMeans1D.groupEnds(sorted: [1, 1, 4, 4], groupCount: 5) == [2, 4])
  }

  @Test func dynamicProgrammingMatchesBruteForce() async {
    await propertyCheck(
      count: 60, input: Gen.int(in: 0...40).array(of: 3...9), Gen.int(in: 2...4)
    ) { raw, k in
      let values = raw.map { Double($0) / 4 }.sorted()
      let ends = OptimalKMeans1D.groupEnds(sorted: values, groupCount: k)
      let distinct = Set(values).count
      #expect(ends.count == min(k, distinct))
      #expect(ends.last == values.count)
      #expect(zip(ends, ends.dropFirst()).allSatisfy { $0 < $1 })
      if ends.count == k {
        #expect(abs(sse(values, ends: ends) - bruteForce(values, k: k)) < 1e-9)
      }
    }
  }

  @Test func lloydFindsWellSeparatedGroups() {
    let values: [Double] = [1, 1.1, 1.2, 5, 5.1, 9, 9.2, 9.4]
    var generator = SeededGenerator(seed: 3)
    let ends = LloydKMeans1D.groupEnds(sorted: values, groupCount: 3, using: &generator)
    #expect(ends == [3, 5, 8])
  }
}

@Suite struct ScoreOrderTests {
  @Test func radixOrderIsTheComparisonOrder() async {
    await propertyCheck(
      count: 100, input: Gen.int(in: -6...6).array(of: 0...300), Gen.uint64(in: 0...1_000)
    ) { raw, seed in
      // Few distinct values (ties), negatives, both zeros, and a random subset of samples.
      let scores = raw.enumerated().map { i, v in v == 0 && i % 2 == 1 ? -0.0 : Double(v) * 0.37 }
      var generator = SeededGenerator(seed: seed)
      let samples = scores.indices.filter { _ in generator.nextUnit() < 0.8 }
      let expected = samples.sorted { a, b in
        scores[a] < scores[b] || (scores[a] == scores[b] && a < b)
      }
      let (order, sortedScores) = ScoreOrder.sorted(ascendingSamples: samples, scores: scores)
      #expect(order == expected)
      #expect(sortedScores == expected.map { scores[$0] })
    }
  }

  @Test func keysKeepTheNumericOrder() {
    let values: [Double] = [-.greatestFiniteMagnitude, -3, -1e-300, 0, 1e-300, 2, 1e300]
    let keys = values.map(ScoreOrder.key)
    #expect(keys == keys.sorted())
    #expect(values.map { ScoreOrder.score(ofKey: ScoreOrder.key($0)) } == values)
    #expect(ScoreOrder.key(-0.0) == ScoreOrder.key(0.0))
  }
}
