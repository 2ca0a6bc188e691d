import PruneCore
import PruneSignals
import PruneReport
import Testing

@testable import PruneSweep

@Suite struct StressAtlasTests {
  /// Two knobs, three rules, small runs.
  static func atlas(seeds: Int = 3) throws -> StressAtlas {
    let base = SweepConditions(
      learner: try LearnerConfiguration(noiseLevel: 0.2),
      activations: try ActivationConfiguration(), ruleOptions: RuleOptions())
    let knobs = StressKnob.standard.filter { ["label-noise", "batch-size"].contains($0.id) }
    let rules = try StressRule.standard().filter {
      ["infobatch", "repb", "bpas", "infobatch (bls)"].contains($0.name)
    }
    return try StressAtlas(
      setup: .init(samples: 200, batchSize: 20, epochs: 8, seedCount: seeds, baseSeed: 5, base: base),
      rules: rules, knobs: knobs)
  }

  @Test func sameAtlasWhateverTheThreads() throws {
    let atlas = try Self.atlas()
    let one = try atlas.run(jobs: 1)
    let two = try atlas.run(jobs: 2)
    #expect(one == two)
    #expect(one.count == atlas.pointCount)
    // The batch size applies only to the BLS-scored rule.
    #expect(one.filter { $0.knob == "batch-size" }.allSatisfy { $0.rule == "infobatch (bls)" })
  }

  @Test func matchedRandomSavesWhatTheRuleSaves() throws {
    let points = try Self.atlas().run(jobs: 2)
    for point in points {
      if let saved = point.matchedRandomSavedFraction {
        #expect(abs(saved - point.run.savedFraction) <= 0.002)
        #expect(point.excessOverRandom != nil)
      }
    }
    #expect(points.contains { $0.matchedRandomRatio != nil })
    // The guarantees hold on these runs.
    for point in points where point.rule != "infobatch (bls)" || point.guarantee != nil {
      #expect(point.guarantee?.holds ?? true, "\(point.rule) \(point.knob)=\(point.value)")
    }
  }

  @Test func pageAndFilesAreWrittenTogether() throws {
    let atlas = try Self.atlas()
    let points = try atlas.run(jobs: 2)
    let files = try StressPage.files(atlas: atlas, budgets: [], points: points, command: "prunelab reproduce --only stress")
    let names = files.map(\.name)
    #expect(names.contains("notebooks-md/stress.md"))
    #expect(names.contains("figures/stress-atlas.svg"))
    #expect(names.contains("notebooks-md/data/stress-breaking-points.csv"))
    let page = String(decoding: try #require(files.first { $0.name == "notebooks-md/stress.md" }).contents, as: UTF8.self)
    // Every applicable rule × knob pair has a breaking point or "none up to".
    let breaks = StressPage.breakingPoints(atlas, points)
    #expect(breaks.count == 4 + 1)
    for point in breaks {
      let text = StressPage.breakText(point, atlas.knobs.first { $0.id == point.knob }!)
      #expect(page.contains(text))
    }
  }

  @Test func breakingPointIsTheFirstValueAboveTheTolerance() throws {
    let knob = StressKnob(id: "k", title: "k", values: [0, 1, 2, 3]) { _, _ in }
    func point(_ value: Double, _ seed: Int, _ excess: Double) throws -> StressMeasurement {
      StressMeasurement(
        rule: "r", knob: "k", value: value, seedIndex: seed, seed: UInt64(seed),
        run: SweepMeasurement(
          savedFraction: 0.3, finalExpectedLoss: 1 + excess, fullDataFinalExpectedLoss: 1,
          difficultySpearman: nil, mislabelledIterationRatio: nil),
        matchedRandomRatio: 0.3, matchedRandomSavedFraction: 0.3, matchedRandomFinalLoss: 1,
        guarantee: nil)
    }
    // Seed spread ±0.01 at every value; the mean excess is 0, 0, 0.1, 0.2.
    var points: [StressMeasurement] = []
    for (v, mean) in [0.0, 0.0, 0.1, 0.2].enumerated() {
      for s in 0..<4 { points.append(try point(Double(v), s, mean + (s % 2 == 0 ? 0.01 : -0.01))) }
    }
    let found = StressBreakingPoint(rule: "r", knob: knob, points: points, seedCount: 4, stream: 1)
    #expect(found.breakingIndex == 2)
    #expect(found.intervalIndices.lower <= 2 && found.intervalIndices.upper >= 2)
    #expect(abs(found.tolerance - 2 * 0.011547005383792516 / 2) < 1e-9)
    // Nothing above the tolerance: none.
    let calm = points.map { p -> StressMeasurement in
      var q = p
      q.run.finalExpectedLoss = 1 + (p.seedIndex % 2 == 0 ? 0.01 : -0.01)
      return q
    }
    let none = StressBreakingPoint(rule: "r", knob: knob, points: calm, seedCount: 4, stream: 1)
    #expect(none.breakingIndex == nil)
    #expect(StressPage.breakText(none, knob).hasPrefix("none up to 3"))
  }
}
