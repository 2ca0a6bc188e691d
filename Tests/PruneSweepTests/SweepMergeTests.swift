import Testing

@testable import PruneSweep

@Suite struct SweepMergeTests {
  /// The whole sweep's CSV, and its shards' outputs for `count` shards.
  static func outputs(shards count: Int) throws -> (whole: String, shards: [SweepMerge.Shard]) {
    let runner = try SweepRunnerTests.runner(rules: ["infobatch", "random"])
    let grid = runner.grid
    let whole = try SweepTable.table(
      try runner.run(shard: .whole, jobs: 2), grid: grid, name: "whole"
    ).csvText
    let shards = try (1...count).map { index in
      let shard = try SweepShard(index: index, count: count)
      let csv = try SweepTable.table(
        try runner.run(shard: shard, jobs: 1), grid: grid, name: shard.fileStem
      ).csvText
      return SweepMerge.Shard(
        name: shard.fileStem + ".csv", csv: csv, shard: shard, fingerprint: grid.fingerprint,
        pointCount: grid.pointCount)
    }
    return (whole, shards)
  }

  @Test func mergedShardsGiveTheWholeSweepsBytes() throws {
    let (whole, shards) = try Self.outputs(shards: 3)
    #expect(try SweepMerge.merge(shards.reversed()) == whole)
  }

  @Test func aMissingShardADoubledPointOrAForeignShardIsRefused() throws {
    let (_, shards) = try Self.outputs(shards: 3)
    #expect(throws: PruneSweepError.self) { try SweepMerge.merge([shards[0], shards[2]]) }
    #expect(throws: PruneSweepError.self) { try SweepMerge.merge([]) }
    let doubled = SweepMerge.Shard(
      name: "copy.csv", csv: shards[0].csv, shard: shards[1].shard,
      fingerprint: shards[1].fingerprint, pointCount: shards[1].pointCount)
    #expect(throws: PruneSweepError.self) {
      try SweepMerge.merge([shards[0], doubled, shards[2]])
    }
    let foreign = SweepMerge.Shard(
      name: "other.csv", csv: shards[1].csv, shard: shards[1].shard, fingerprint: "another grid",
      pointCount: shards[1].pointCount)
    #expect(throws: PruneSweepError.self) { try SweepMerge.merge([shards[0], foreign, shards[2]]) }
  }

  @Test func summaryAveragesOverSeeds() throws {
    let csv = """
      point,rule,seed_index,seed,noise,saved_fraction,final_expected_loss,\
      full_data_final_expected_loss,excess_loss,difficulty_spearman,mislabelled_iteration_ratio
      0,infobatch,0,0,1,0.25,1,1,0.5,0.5,
      1,infobatch,1,1,1,0.35,1,1,1.5,,
      2,infobatch,2,2,1,0.30,1,1,1,0.7,

      """
    let summary = try SweepSummary.summarize(csv: csv)
    #expect(
      summary.columns == [
        "rule", "noise", "seeds", "saved_fraction_mean", "saved_fraction_sd", "excess_loss_mean",
        "excess_loss_sd", "difficulty_spearman_mean", "mislabelled_iteration_ratio_mean",
      ])
    #expect(summary.rows.count == 1)
    let row = summary.rows[0]
    #expect(row[0] == "infobatch" && row[1] == "1" && row[2] == 3)
    #expect(row[5] == .number(1))
    #expect(row[6] == .number(0.5))  // sd of 0.5, 1.5, 1
    #expect(row[7] == .number(0.6))  // mean of the defined correlations
    #expect(row[8] == .missing)
  }
}
