import Testing

@testable import PruneClaims
@testable import PruneLabCLI

@Suite struct ReproduceCommandTests {
  @Test func unknownIdIsNamedWithTheFix() throws {
    let error = try #require(#expect(throws: (any Error).self) {
      try PruneLab.Reproduce.parse(["--only", "NOPE-7", "--out", "/tmp"])
    })
    let message = PruneLab.Reproduce.message(for: error)
    #expect(message.contains("NOPE-7"))
    #expect(message.contains("known ids"))
  }

  @Test func jobsMustBePositive() throws {
    let error = try #require(#expect(throws: (any Error).self) {
      try PruneLab.Reproduce.parse(["--jobs", "0", "--out", "/tmp"])
    })
    #expect(PruneLab.Reproduce.message(for: error).contains("--jobs 0"))
  }

  @Test func profileIsParsed() throws {
    let command = try PruneLab.Reproduce.parse(["--profile", "full", "--out", "/tmp", "--jobs", "2"])
    let options = try command.makeOptions()
    #expect(options.profile == .full)
    #expect(options.jobs == 2)
    #expect(options.outputPath == "/tmp")
  }

  @Test func claimsListingSaysNotRunWithoutALedger() {
    let listing = PruneLab.Claims.listing(ledger: VerdictLedger())
    #expect(listing.hasPrefix("id"))
    for claim in ClaimRegistry.all {
      #expect(listing.contains(claim.id))
    }
    #expect(ClaimRegistry.all.isEmpty || listing.contains("not run"))
  }
}
