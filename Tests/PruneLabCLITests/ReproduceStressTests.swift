import Testing

@testable import PruneLabCLI

@Suite struct ReproduceStressTests {
  @Test func stressIsSelectedByOnlyOrByDefault() {
    #expect(ReproduceStress.split(nil).claims == nil)
    #expect(ReproduceStress.split(nil).stress)
    #expect(ReproduceStress.split(["stress"]).claims == [])
    #expect(ReproduceStress.split(["stress"]).stress)
    #expect(ReproduceStress.split(["BLS-1", "Stress"]).claims == ["BLS-1"])
    #expect(ReproduceStress.split(["BLS-1", "Stress"]).stress)
    #expect(ReproduceStress.split(["BLS-1"]).claims == ["BLS-1"])
    #expect(!ReproduceStress.split(["BLS-1"]).stress)
  }

  @Test func onlyStressPassesValidation() throws {
    let command = try PruneLab.Reproduce.parse(["--only", "stress", "--out", "/tmp/x"])
    try command.validate()
    #expect(try command.makeOptions().only == nil)
  }
}
