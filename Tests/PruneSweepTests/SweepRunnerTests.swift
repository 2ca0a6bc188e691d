import PruneCore
import PruneSignals
import Testing

@testable import PruneSweep

@Suite struct SweepRunnerTests {
  /// Label noise as the one axis; every other setting the learner's default.
  static func runner(rules: [String] = ["full", "infobatch", "random"]) throws -> SweepRunner {
    let grid = try SweepGrid(
      axes: [.init(name: "label-noise", values: ["0", "0.2"])], rules: rules, seedCount: 2,
      baseSeed: 3)
    return SweepRunner(grid: grid, samples: 300, batchSize: 32, epochs: 12) { point in
      let fraction = Double(point.settings[0].value) ?? 0
      return SweepConditions(
        learner: try LearnerConfiguration(labelNoiseFraction: fraction),
        activations: try ActivationConfiguration(), ruleOptions: RuleOptions())
    }
  }

  @Test func sameSweepSameRowsWhateverTheThreads() throws {
    let runner = try Self.runner()
    let one = try runner.run(shard: .whole, jobs: 1)
    let two = try runner.run(shard: .whole, jobs: 2)
    #expect(one.map(\.0) == two.map(\.0))
    #expect(one.map(\.1) == two.map(\.1))
    #expect(one.map(\.0.index) == Array(0..<12))
  }

  @Test func measuresAgainstFullDataUnderTheSameNoise() throws {
    let rows = try Self.runner().run(shard: .whole, jobs: 2)
    for (point, m) in rows where point.rule == "full" {
      #expect(m.excessLoss == 0)
      #expect(m.savedFraction == 0)
      #expect(m.difficultySpearman == nil)  // every sample trained alike
    }
    for (point, m) in rows {
      let noisy = point.settings[0].value == "0.2"
      #expect((m.mislabelledIterationRatio != nil) == noisy)
      let full = rows.first { $0.0.rule == "full" && $0.0.seed == point.seed
        && $0.0.settings == point.settings }
      #expect(m.fullDataFinalExpectedLoss == full?.1.finalExpectedLoss)
    }
    // InfoBatch keeps the high-loss mislabelled samples: it over-trains them (ratio > 1), while
    // random pruning is blind to them (ratio near 1), and InfoBatch trains hard samples more.
    let infobatch = rows.filter { $0.0.rule == "infobatch" && $0.0.settings[0].value == "0.2" }
    #expect(infobatch.allSatisfy { ($0.1.mislabelledIterationRatio ?? 0) > 1.05 })
    #expect(infobatch.allSatisfy { ($0.1.difficultySpearman ?? 0) > 0.1 })
    let random = rows.filter { $0.0.rule == "random" && $0.0.settings[0].value == "0.2" }
    #expect(random.allSatisfy { abs(($0.1.mislabelledIterationRatio ?? 0) - 1) < 0.1 })
  }
}
