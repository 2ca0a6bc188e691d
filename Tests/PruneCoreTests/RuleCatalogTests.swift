import Testing
@testable import PruneCore

@Suite struct RuleCatalogTests {
  let setup: TrainingSetup

  init() throws {
    setup = try TrainingSetup(sampleCount: 50, batchSize: 8, plannedEpochs: 6, seed: 5)
  }

  @Test func listsTheEightRules() {
    #expect(
      RuleCatalog.ruleNames
        == ["full", "random", "static-random", "hard", "infobatch", "seta", "repb", "bpas"])
    for descriptor in RuleCatalog.rules {
      #expect(!descriptor.summary.isEmpty)
      #expect(Set(descriptor.options).count == descriptor.options.count)
    }
  }

  @Test func unknownRuleNamesTheValidOnes() {
    #expect(throws: PruneCoreError.unknownRule(name: "infobach", validNames: RuleCatalog.ruleNames)) {
      _ = try RuleCatalog.makeRule(named: "infobach", options: RuleOptions(), setup: setup)
    }
    let error = PruneCoreError.unknownRule(name: "x", validNames: ["full", "bpas"])
    #expect(error.description == "unknown rule 'x'; valid rules: full, bpas.")
  }

  @Test func buildsInfoBatchWithEitherScore() throws {
    var options = RuleOptions()
    try options.setValue("0.3", forOption: "prune-ratio")
    let rule = try RuleCatalog.makeRule(named: "infobatch", options: options, setup: setup)
    #expect(rule.name == "infobatch")
    #expect(rule.parameters["pruneRatio"] == "0.3")
    #expect(rule.parameters["score"] == "loss")
    #expect(rule.requiredSignals == .perSampleLoss)
    try options.setValue("bls", forOption: "score")
    try options.setValue("0.7", forOption: "alpha")
    let bls = try RuleCatalog.makeRule(named: "infobatch", options: options, setup: setup)
    #expect(bls.parameters["alpha"] == "0.7")
    #expect(bls.requiredSignals == .batchMeanLoss)
  }

  @Test func rejectsOptionsThatDoNotApply() throws {
    var options = RuleOptions()
    try options.setValue("0.5", forOption: "rho")
    #expect(throws: PruneCoreError.self) {
      _ = try RuleCatalog.makeRule(named: "infobatch", options: options, setup: setup)
    }
    var alphaWithoutBLS = RuleOptions()
    try alphaWithoutBLS.setValue("0.5", forOption: "alpha")
    do {
      _ = try RuleCatalog.makeRule(named: "infobatch", options: alphaWithoutBLS, setup: setup)
      Issue.record("alpha without --score bls was accepted")
    } catch let error as PruneCoreError {
      #expect(error.description.contains("alpha"))
      #expect(error.description.contains("score loss"))
    }
    var scoreOnFull = RuleOptions()
    try scoreOnFull.setValue("bls", forOption: "score")
    #expect(throws: PruneCoreError.self) {
      _ = try RuleCatalog.makeRule(named: "full", options: scoreOnFull, setup: setup)
    }
  }

  @Test func rejectsBadValues() throws {
    var options = RuleOptions()
    try options.setValue("1.5", forOption: "prune-ratio")
    #expect(throws: PruneCoreError.outOfRange(parameter: "pruneRatio", value: 1.5, allowed: "[0, 1)")) {
      _ = try RuleCatalog.makeRule(named: "infobatch", options: options, setup: setup)
    }
    var alphaOne = RuleOptions()
    try alphaOne.setValue("bls", forOption: "score")
    try alphaOne.setValue("1", forOption: "alpha")
    #expect(throws: PruneCoreError.self) {
      _ = try RuleCatalog.makeRule(named: "infobatch", options: alphaOne, setup: setup)
    }
  }

  @Test func buildsWhatTheConfigurationsBuild() throws {
    var options = RuleOptions()
    for (name, value) in [("groups", "4"), ("window-scale", "0.5"), ("clustering", "lloyd")] {
      try options.setValue(value, forOption: name)
    }
    let seta = try RuleCatalog.makeRule(named: "seta", options: options, setup: setup)
    let direct = try SeTa(
      configuration: SeTaConfiguration(groupCount: 4, windowScale: 0.5, clustering: .lloyd),
      setup: setup)
    #expect(seta.parameters == direct.parameters)
    var bpasOptions = RuleOptions()
    try bpasOptions.setValue("1e-7", forOption: "delta-end")
    #expect(throws: PruneCoreError.self) {
      _ = try RuleCatalog.makeRule(named: "bpas", options: bpasOptions, setup: setup)
    }
  }
}

@Suite struct RuleCatalogDefaultsTests {
  /// Every listed parameter, set to its listed default, builds the rule and shows up resolved.
  @Test(arguments: RuleCatalog.rules)
  func listedDefaultsBuild(descriptor: RuleDescriptor) throws {
    let setup = try TrainingSetup(sampleCount: 30, batchSize: 4, plannedEpochs: 5)
    var loss = RuleOptions()
    var bls = RuleOptions()
    for parameter in descriptor.parameters where parameter.defaultValue != "none" {
      let blsOnly: Set<String> = ["alpha", "score-init", "score-rescaling"]
      if !blsOnly.contains(parameter.option) {
        try loss.setValue(parameter.defaultValue, forOption: parameter.option)
      }
      if parameter.option != "initial-score" {
        try bls.setValue(parameter.defaultValue, forOption: parameter.option)
      }
    }
    let rule = try RuleCatalog.makeRule(named: descriptor.name, options: loss, setup: setup)
    #expect(rule.name == descriptor.name)
    #expect(rule.requiredSignals == descriptor.requiredSignals)
    let plain = try RuleCatalog.makeRule(named: descriptor.name, options: RuleOptions(), setup: setup)
    #expect(plain.parameters == rule.parameters)
    if descriptor.usesScore {
      try bls.setValue("bls", forOption: "score")
      let blsRule = try RuleCatalog.makeRule(named: descriptor.name, options: bls, setup: setup)
      #expect(blsRule.parameters["score"] == "bls")
      #expect(blsRule.requiredSignals == .batchMeanLoss)
    }
  }
}
