import Testing

@testable import PruneCore

/// The declarations (``Parameter``) are the one source of every rule option: these checks hold
/// for every configuration, so a parameter added to one is covered without a new test here.
@Suite struct ParameterDeclarationTests {
  /// Names and keys are unique; the default text reads back to `.standard`; a value set through
  /// the declaration shows up in the manifest entries.
  static func checkDeclarations<Configuration: RuleConfiguration & Equatable>(
    of type: Configuration.Type
  ) throws {
    let parameters = Configuration.parameters
    #expect(Set(parameters.map(\.name)).count == parameters.count)
    #expect(Set(parameters.map(\.key)).count == parameters.count)
    for parameter in parameters {
      var configuration = Configuration.standard
      try parameter.assign(&configuration, parameter.defaultValue())
      #expect(configuration == Configuration.standard, "\(parameter.name)")
      #expect(Configuration.standard.manifestEntries()[parameter.key] == parameter.defaultValue())
      #expect(!parameter.help.isEmpty && !parameter.allowed.isEmpty)
    }
    #expect(try Configuration.standard.validated() == Configuration.standard)
  }

  @Test func everyConfigurationsDeclarationsAreConsistent() throws {
    try Self.checkDeclarations(of: InfoBatchConfiguration.self)
    try Self.checkDeclarations(of: SeTaConfiguration.self)
    try Self.checkDeclarations(of: RePBConfiguration.self)
    try Self.checkDeclarations(of: BPASConfiguration.self)
    try Self.checkDeclarations(of: RandomBaselineConfiguration.self)
    try Self.checkDeclarations(of: LossScoreConfiguration.self)
    try Self.checkDeclarations(of: BatchLossScoreConfiguration.self)
  }

  @Test func aValueSetThroughADeclarationIsCheckedLikeTheInit() throws {
    var options = RuleOptions()
    try options.setValue("1.5", forOption: "prune-ratio")
    let ratio = PruneCoreError.outOfRange(parameter: "pruneRatio", value: 1.5, allowed: "[0, 1)")
    #expect(throws: ratio) { _ = try InfoBatchConfiguration.make(options) }
    #expect(throws: ratio) { _ = try InfoBatchConfiguration(pruneRatio: 1.5) }
    var groups = RuleOptions()
    try groups.setValue("0", forOption: "groups")
    let count = PruneCoreError.outOfRange(
      parameter: "groupCount", value: 0, allowed: "an integer >= 1")
    #expect(throws: count) { _ = try SeTaConfiguration.make(groups) }
  }

  @Test func rangesListAndCheckTheSameInterval() {
    #expect(NumberRange.closedOpen(0, 1).description == "[0, 1)")
    #expect(NumberRange.openClosed(0, 1).description == "(0, 1]")
    #expect(NumberRange.above(0).description == "(0, infinity)")
    #expect(NumberRange.atLeast(1).description == "[1, infinity)")
    #expect(NumberRange.finite.description == "a finite number")
    #expect(NumberRange.closedOpen(0, 1).contains(0) && !NumberRange.closedOpen(0, 1).contains(1))
    #expect(!NumberRange.openClosed(0, 1).contains(0) && NumberRange.openClosed(0, 1).contains(1))
    #expect(!NumberRange.atLeast(1).contains(.infinity) && !NumberRange.finite.contains(.nan))
  }

  @Test func manifestKeysAreTheCamelCasedNamesUnlessDeclared() {
    #expect(Parameter<InfoBatchConfiguration>.camelCased("package-weight-reset-bug")
      == "packageWeightResetBug")
    #expect(SeTaConfiguration.parameters.map(\.key).contains("groupCount"))
  }
}
