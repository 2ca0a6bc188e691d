import Testing

@testable import PruneCore

@Suite struct RuleOptionsTests {
  @Test func readsValuesFlagsNegationsAndEquals() throws {
    let options = try RuleOptions.parse(
      ["--prune-ratio", "0.3", "--rescale", "--no-prune-first-epoch", "--alpha=0.7",
       "--score", "bls"])
    #expect(options.value(of: "prune-ratio") == "0.3")
    #expect(options.value(of: "rescale") == "true")
    #expect(options.value(of: "prune-first-epoch") == "false")
    #expect(options.value(of: "alpha") == "0.7")
    #expect(options.value(of: "score") == "bls")
    #expect(options.setNames == ["prune-ratio", "rescale", "prune-first-epoch", "alpha", "score"])
  }

  @Test func keepsTheWordsAsWrittenSoTheyParseBack() throws {
    let words = [
      "--rescale", "--prune-ratio=0.2", "--no-prune-first-epoch", "--initial-score", "-1",
    ]
    let options = try RuleOptions.parse(words)
    #expect(options.arguments == words)
    #expect(try RuleOptions.parse(options.arguments) == options)
    var set = RuleOptions()
    try set.setValue("0.2", forOption: "prune-ratio")
    #expect(set.arguments == ["--prune-ratio", "0.2"])
    #expect(try RuleOptions.parse(set.arguments).assignments == set.assignments)
  }

  @Test func rejectsAStrayValueAnUnknownOptionAndAnUnreadableValue() {
    #expect(throws: PruneCoreError.malformedOption(
      argument: "0.3", reason: "a value without an option before it")) {
      try RuleOptions.parse(["0.3"])
    }
    #expect(throws: PruneCoreError.unknownOption(argument: "--prune-ratoi")) {
      try RuleOptions.parse(["--prune-ratoi", "0.3"])
    }
    #expect(throws: PruneCoreError.invalidOptionValue(
      option: "groups", value: "abc", expected: "an integer")) {
      try RuleOptions.parse(["--groups", "abc"])
    }
    #expect(throws: PruneCoreError.unknownOption(argument: "--no-delta")) {
      try RuleOptions.parse(["--no-delta"])
    }
  }

  @Test func setValueChecksTheNameAndTheKindOfText() throws {
    var options = RuleOptions()
    try options.setValue("bernoulli", forOption: "selection")
    try options.setValue("true", forOption: "package-weight-reset-bug")
    try options.setValue("7", forOption: "groups")
    #expect(options.setNames == ["selection", "package-weight-reset-bug", "groups"])
    #expect(throws: PruneCoreError.self) { try options.setValue("abc", forOption: "rho") }
    #expect(throws: PruneCoreError.self) { try options.setValue("1", forOption: "nope") }
    #expect(throws: PruneCoreError.self) { try options.setValue("maybe", forOption: "rescale") }
    #expect(throws: PruneCoreError.self) { try options.setValue("kmeans", forOption: "clustering") }
  }

  @Test func theLastValueOfAnOptionGivenTwiceWins() throws {
    let options = try RuleOptions.parse(["--prune-ratio", "0.3", "--prune-ratio", "0.4"])
    #expect(options.value(of: "prune-ratio") == "0.4")
    #expect(options.setNames == ["prune-ratio"])
  }
}
