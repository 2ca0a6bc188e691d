import Testing

@testable import PruneSweep

@Suite struct SweepGridTests {
  static func grid() throws -> SweepGrid {
    try SweepGrid(
      axes: [
        .init(name: "noise", values: ["0", "1"]),
        .init(name: "label-noise", values: ["0", "0.1", "0.2"]),
      ], rules: ["infobatch", "random"], seedCount: 2, baseSeed: 10)
  }

  @Test func pointsRunLastAxisFastestThenRuleThenSeed() throws {
    let grid = try Self.grid()
    #expect(grid.settingCount == 6)
    #expect(grid.pointCount == 24)
    let p0 = grid.point(0)
    #expect(p0.rule == "infobatch" && p0.seedIndex == 0 && p0.seed == 10)
    #expect(p0.settings.map(\.value) == ["0", "0"])
    let p4 = grid.point(4)
    #expect(p4.settings.map(\.value) == ["1", "0.1"])
    let p7 = grid.point(7)
    #expect(p7.rule == "random" && p7.settings.map(\.value) == ["0", "0.1"])
    let p23 = grid.point(23)
    #expect(p23.rule == "random" && p23.seedIndex == 1 && p23.seed == 11)
    #expect(p23.settings.map(\.value) == ["1", "0.2"])
  }

  @Test(arguments: [1, 3, 5, 24, 30])
  func shardsPartitionThePoints(count: Int) throws {
    let grid = try Self.grid()
    var seen: [Int] = []
    for index in 1...count {
      seen += grid.points(in: try SweepShard(index: index, count: count)).map(\.index)
    }
    #expect(seen.sorted() == Array(0..<24))
  }

  @Test func shardTextIsParsedAndChecked() throws {
    let shard = try SweepShard(parsing: "3/8")
    #expect(shard.index == 3 && shard.count == 8 && shard.fileStem == "shard-3-of-8")
    #expect(shard.contains(point: 2) && shard.contains(point: 10) && !shard.contains(point: 3))
    for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3"] {
      #expect(throws: PruneSweepError.badShard(bad)) { try SweepShard(parsing: bad) }
    }
  }

  @Test func badGridsAreRefused() {
    #expect(throws: PruneSweepError.self) {
      try SweepGrid(axes: [], rules: [], seedCount: 1, baseSeed: 0)
    }
    #expect(throws: PruneSweepError.self) {
      try SweepGrid(axes: [], rules: ["full", "full"], seedCount: 1, baseSeed: 0)
    }
    #expect(throws: PruneSweepError.self) {
      try SweepGrid(axes: [], rules: ["full"], seedCount: 0, baseSeed: 0)
    }
    #expect(throws: PruneSweepError.self) {
      try SweepGrid(
        axes: [.init(name: "noise", values: [])], rules: ["full"], seedCount: 1, baseSeed: 0)
    }
    #expect(throws: PruneSweepError.self) {
      try SweepGrid(
        axes: [.init(name: "noise", values: ["1"]), .init(name: "noise", values: ["2"])],
        rules: ["full"], seedCount: 1, baseSeed: 0)
    }
  }
}
