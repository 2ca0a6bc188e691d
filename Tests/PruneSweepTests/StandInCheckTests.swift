import PruneCore
import PruneSignals
import Testing

@testable import PruneSweep

@Suite struct StandInCheckTests {
  @Test func aLearnersOwnLogIsStoodInForBySetaAndComparedHonestly() throws {
    let truth = try LearnerConfiguration(globalSpeed: 0, noiseLevel: 0.05)
    let log = try FullDataLog.record(
      try SyntheticLearner(sampleCount: 400, configuration: truth, seed: 2), epochs: 8)
    let fit = try LearnerFit(log: log)
    let rules = try StressRule.standard().filter { ["seta", "infobatch"].contains($0.name) }
    let check = try StandInCheck(log: log, fit: fit, rules: rules, batchSize: 40, seed: 5)
    #expect(check.rows.count == 4)
    for row in check.rows {
      #expect(row.perEpoch.count == 8)
      #expect(row.meanChanceOverlap < row.meanOverlap)
      #expect(row.meanAbsoluteSavedDifference < 0.05)
    }
    // SeTa's choice is deterministic given the scores: its pruned sets follow the fit closely.
    let seta = try #require(check.rows.first { $0.rule == "seta" && $0.mode == "open loop" })
    #expect(seta.meanOverlap > 0.6)
    // Same rule, same log, same seed: identical sets (the comparison's own sanity).
    let same = StandInCheck.compare("x", "x", [[true, false, false]], [[true, false, false]])
    #expect(same.meanOverlap == 1)
    #expect(same.meanAbsoluteSavedDifference == 0)
  }
}
