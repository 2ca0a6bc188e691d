import PruneReport
import Testing

@testable import PruneSweep

@Suite struct SweepFigureTests {
  static func summary(noise: [String]) throws -> CSVTable {
    let header = """
      point,rule,seed_index,seed,noise,label-noise,saved_fraction,final_expected_loss,\
      full_data_final_expected_loss,excess_loss,difficulty_spearman,mislabelled_iteration_ratio
      """
    var rows = [header]
    for (k, value) in noise.enumerated() {
      rows.append("\(k),infobatch,0,0,\(value),0.2,0.3,1,1,0.0\(k + 1),0.5,1.2")
    }
    return try SweepSummary.summarize(csv: rows.joined(separator: "\n") + "\n")
  }

  @Test func drawsTheMeanAgainstTheFirstSetting() throws {
    let svg = try #require(
      try SweepFigure.svg(
        summary: Self.summary(noise: ["0", "0.5", "1"]), metric: "excess_loss", label: "excess"))
    #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
    #expect(svg.contains("infobatch, label-noise=0.2"))
    #expect(svg.contains("excess vs noise"))
  }

  @Test func aSettingThatIsNotANumberHasNoFigure() throws {
    let summary = try Self.summary(noise: ["low", "high"])
    #expect(try SweepFigure.svg(summary: summary, metric: "excess_loss", label: "e") == nil)
  }
}
