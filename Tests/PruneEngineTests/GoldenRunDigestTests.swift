import Foundation
import PruneCore
import PruneSignals
import Testing
import _PruneTestSupport

@testable import PruneEngine

/// Golden digests of everything a rule and the simulated learner produce, captured from the code
/// before the hot-path work of issue 13 (commit 4e99385): every epoch's plan (samples, weights,
/// batches), the rule's final state, and a whole simulation (epoch records without wall times,
/// summary, per-sample outcomes).
///
/// Stored training runs are re-verified bit for bit (TEAM.md), so a faster plan, score update,
/// shuffle or simulation must give exactly these bytes. A digest that changes means a changed
/// draw or a changed rounding: find it, do not update the table (unless the change is a
/// deliberate, documented change of output, with every committed page regenerated).
///
/// Sizes: N = 1,000 (batches of 32) and 100,003 (batches of 128: the shuffles of more than
/// 65,536 entries take the bucketed path), two seeds for the small size; six epochs, so InfoBatch
/// and SeTa anneal in the last (6 x 0.875 = 5.25) and B-PAS makes four drop decisions.
@Suite struct GoldenRunDigestTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let rule: String
    let options: [String]
    var testDescription: String { ([rule] + options).joined(separator: " ") }
  }

  static let cases: [Case] = [
    Case(rule: "full", options: []),
    Case(rule: "random", options: ["--prune-ratio", "0.3"]),
    Case(rule: "random", options: ["--prune-ratio", "0.3", "--rescale"]),
    Case(rule: "static-random", options: []),
    Case(rule: "hard", options: []),
    Case(rule: "infobatch", options: []),
    Case(rule: "infobatch", options: ["--selection", "bernoulli"]),
    Case(rule: "infobatch", options: ["--score", "bls"]),
    Case(rule: "infobatch", options: ["--score", "bls", "--score-rescaling", "exact"]),
    Case(rule: "infobatch", options: ["--package-weight-reset-bug"]),
    Case(rule: "infobatch", options: ["--pruned-side", "above-mean"]),
    Case(rule: "infobatch", options: ["--pruned-side", "any", "--prune-ratio", "0.3"]),
    Case(rule: "seta", options: []),
    Case(rule: "seta", options: ["--score", "bls"]),
    Case(rule: "seta", options: ["--groups", "10", "--window-scale", "0.6"]),
    Case(rule: "repb", options: []),
    Case(rule: "repb", options: ["--score", "bls"]),
    Case(rule: "repb", options: ["--window", "3", "--max-weight", "2"]),
    Case(rule: "repb", options: ["--no-resampling", "--delta", "0.6"]),
    Case(rule: "bpas", options: []),
    Case(rule: "bpas", options: ["--delta-start", "1e-3", "--delta-end", "1e-1"]),
  ]

  struct Size: Sendable {
    let samples: Int
    let batchSize: Int
    let seed: UInt64
  }

  static let sizes = [
    Size(samples: 1_000, batchSize: 32, seed: 1), Size(samples: 1_000, batchSize: 32, seed: 7),
    Size(samples: 100_003, batchSize: 128, seed: 2025),
  ]

  static let epochs = 6

  /// The learner and activation generator as `prunelab simulate` builds them, on a noisy learner.
  static func source(samples: Int, batchSize: Int, seed: UInt64) throws
    -> CombinedSignalSource<SyntheticLearner, ActivationStabilitySource>
  {
    var seeds = SplitMix64(state: seed)
    let learner = try SyntheticLearner(
      sampleCount: samples, configuration: LearnerConfiguration(forgettingRate: 0.05),
      seed: seeds.next())
    let activations = try ActivationStabilitySource(
      sampleCount: samples, batchCount: (samples + batchSize - 1) / batchSize,
      configuration: ActivationConfiguration(), seed: seeds.next())
    return try CombinedSignalSource(learner, activations)
  }

  /// The digest of every plan and the final state of `rule` driven on the learner.
  static func planDigest<Rule: PruningRule>(
    _ rule: inout Rule, size: Size
  ) throws -> ByteDigest {
    var source = try source(samples: size.samples, batchSize: size.batchSize, seed: size.seed)
    var driver = RuleDriver()
    var digest = ByteDigest()
    for epoch in 0..<epochs {
      let plan = try driver.runEpoch(&rule, epoch: epoch, on: &source)
      digest.add(plan.epoch)
      digest.add(plan.samples)
      digest.add(plan.weights)
      digest.add(plan.batchStarts)
      digest.add(plan.batchIDs)
      digest.add(plan.rescaling.rawValue)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let state = try encoder.encode(rule.state)
    digest.add(String(decoding: state, as: UTF8.self))
    return digest
  }

  /// The digest of a whole simulation: records (wall times excluded), summary, outcomes.
  static func simulationDigest<Rule: PruningRule>(
    _ rule: inout Rule, size: Size, threads: Int = ForkJoin.processorCount
  ) throws -> ByteDigest {
    var source = try source(samples: size.samples, batchSize: size.batchSize, seed: size.seed)
    let result = try Simulation.run(
      &rule, on: &source, options: SimulationOptions(threads: threads))
    var digest = ByteDigest()
    for record in result.epochs {
      digest.add(record.epoch)
      digest.add(record.trainedSamples)
      digest.add(record.trainedBatches)
      digest.add(record.prunedSamples)
      digest.add(record.savedFraction)
      digest.add(record.meanWeight)
      digest.add(record.maxWeight)
      digest.add(record.meanLoss)
      digest.add(record.meanWeightedLoss)
      digest.add(record.meanActivation)
      digest.add(record.cumulativeSavedFraction)
    }
    let summary = result.summary
    digest.add(summary.trainedSampleIterations)
    digest.add(summary.trainedBatches)
    digest.add(summary.savedFraction)
    digest.add(summary.batchSavedFraction)
    digest.add(summary.dsi)
    digest.add(summary.stoppedEarly)
    digest.add(summary.finalMeanLoss)
    digest.add(summary.samplesNeverTrained)
    if let samples = result.samples {
      digest.add(samples.timesTrained)
      digest.add(samples.weightedTimesTrained)
      digest.add(samples.lastTrainedEpoch)
      for loss in samples.lastLoss { digest.add(loss) }
      digest.add(samples.labels ?? [])
    }
    return digest
  }

  static func makeRule(_ item: Case, size: Size) throws -> any PruningRule {
    let setup = try TrainingSetup(
      sampleCount: size.samples, batchSize: size.batchSize, plannedEpochs: epochs,
      seed: size.seed)
    return try RuleCatalog.makeRule(
      named: item.rule, options: RuleOptions.parse(item.options), setup: setup)
  }

  /// "plans" and "simulation" digests of one case at one size.
  static func digests(_ item: Case, size: Size) throws -> String {
    var planRule = try makeRule(item, size: size)
    let plans = try planDigest(&planRule, size: size)
    var simulationRule = try makeRule(item, size: size)
    let simulation = try simulationDigest(&simulationRule, size: size)
    return "\(plans) \(simulation)"
  }

  @Test(arguments: cases)
  func plansStatesAndSimulationsKeepTheirBytes(_ item: Case) throws {
    for (index, size) in Self.sizes.enumerated() {
      let key = "\(item.testDescription) @\(index)"
      let actual = try Self.digests(item, size: size)
      if Self.golden[key] != actual { print("GOLDEN \"\(key)\": \"\(actual)\",") }
      #expect(Self.golden[key] == actual, "\(key)")
    }
  }

  /// The simulated learner and the engine split an epoch over threads (issue 13 item 2); the
  /// results must not depend on how many.
  @Test(arguments: ["infobatch --score bls", "repb", "bpas --delta-start 1e-3 --delta-end 1e-1"])
  func simulationsDoNotDependOnTheThreadCount(_ text: String) throws {
    let words = text.split(separator: " ").map(String.init)
    let item = Case(rule: words[0], options: Array(words.dropFirst()))
    let size = Self.sizes[2]
    var digests: [ByteDigest] = []
    for threads in [1, 2, 3] {
      var rule = try Self.makeRule(item, size: size)
      digests.append(try Self.simulationDigest(&rule, size: size, threads: threads))
    }
    #expect(digests[0] == digests[1] && digests[1] == digests[2], "\(digests)")
  }

  /// SeTa with Lloyd's k-means (not a command-line option, so built directly).
  @Test func setaWithLloydKeepsItsBytes() throws {
    for (index, size) in Self.sizes.enumerated() {
      let key = "seta lloyd @\(index)"
      let setup = try TrainingSetup(
        sampleCount: size.samples, batchSize: size.batchSize, plannedEpochs: Self.epochs,
        seed: size.seed)
      let configuration = try SeTaConfiguration(clustering: .lloyd)
      var planRule = try SeTa(configuration: configuration, setup: setup)
      let plans = try Self.planDigest(&planRule, size: size)
      var simulationRule = try SeTa(configuration: configuration, setup: setup)
      let simulation = try Self.simulationDigest(&simulationRule, size: size)
      let actual = "\(plans) \(simulation)"
      if Self.golden[key] != actual { print("GOLDEN \"\(key)\": \"\(actual)\",") }
      #expect(Self.golden[key] == actual, "\(key)")
    }
  }

  /// Plan digest, simulation digest; keys "rule options @size index".
  static let golden: [String: String] = [
    "bpas --delta-start 1e-3 --delta-end 1e-1 @0": "c7bb455fbc7d55ef 82a049d0aa2bd501",
    "bpas --delta-start 1e-3 --delta-end 1e-1 @1": "690f0470a78950f7 cbd95a87cc017261",
    "bpas --delta-start 1e-3 --delta-end 1e-1 @2": "e0670aa791b60cc6 ce32457b844d04f6",
    "bpas @0": "a2bdf5c227b4716c bf10ea053003a89e",
    "bpas @1": "29e0207f09a66b42 b60843b0437e2802",
    "bpas @2": "f0a6f218bb6e3f91 d07ff119b5433d59",
    "full @0": "9515507e511e54a0 e29f7ac02f8da13b",
    "full @1": "e2d513aed39128b8 c42574001647ec01",
    "full @2": "56ae94dfada823a4 4a6926241cc35e94",
    "hard @0": "05c243cbc7f8200d 6b287ef93903a083",
    "hard @1": "64b3dfb8b6131bb4 f74faac38bad1317",
    "hard @2": "270d2cea0c868e5e 56b36a7c4eb675d6",
    "infobatch --package-weight-reset-bug @0": "92e5ac81b40a06ef fd612820d8953442",
    "infobatch --package-weight-reset-bug @1": "6fc9cf7af667a627 d990d8623e2a8736",
    "infobatch --package-weight-reset-bug @2": "06ad24c19129b892 cc73ef1699327172",
    "infobatch --pruned-side above-mean @0": "3c33eb4dfa7b449e 961f3df4a795e6b6",
    "infobatch --pruned-side above-mean @1": "afca7be8e20ededd 87d1caaf0b7bb248",
    "infobatch --pruned-side above-mean @2": "3a7cc78e8d6790f3 0151188859903c94",
    "infobatch --pruned-side any --prune-ratio 0.3 @0": "59bfd7ed08ca3d73 44241ac71639f6c3",
    "infobatch --pruned-side any --prune-ratio 0.3 @1": "9493bf72822313d8 ec33e71114fea7cc",
    "infobatch --pruned-side any --prune-ratio 0.3 @2": "0de3c83bd800eda6 1e9689a5c43b9189",
    "infobatch --score bls --score-rescaling exact @0": "58347eeb6c0f347a 991b752b5730b609",
    "infobatch --score bls --score-rescaling exact @1": "a82c15a7396728ba 3a14620e0452c74c",
    "infobatch --score bls --score-rescaling exact @2": "63409845351c3084 c62bf6260a35ddd6",
    "infobatch --score bls @0": "88d77bd35e508406 63d3d1c843c6785d",
    "infobatch --score bls @1": "ce83ecb7e415fabe 8e25dd5855de0c4a",
    "infobatch --score bls @2": "08d20d72f6ffe925 253836a32e2f6297",
    "infobatch --selection bernoulli @0": "14c2418fccbfb37e d2d1b7ce7831e2a3",
    "infobatch --selection bernoulli @1": "ead295b4714671d2 1260a622ebcab83b",
    "infobatch --selection bernoulli @2": "cb06be7ff4538eed 6905007c1077a749",
    "infobatch @0": "14209af5f713eb18 1f56a7eb71e2164e",
    "infobatch @1": "318bc41876aff9fe f16380b2fb30380b",
    "infobatch @2": "c455949f9c7b8d04 93c2d9f6341ca577",
    "random --prune-ratio 0.3 --rescale @0": "950245b02c813dd5 5d65013e888d8be7",
    "random --prune-ratio 0.3 --rescale @1": "0bc0a0624aa6eef5 5e8f876025b81edf",
    "random --prune-ratio 0.3 --rescale @2": "2e98f3a58eaf6c78 5ab767c1a97fc833",
    "random --prune-ratio 0.3 @0": "cfb7e4e35081daed a45265ac062cab91",
    "random --prune-ratio 0.3 @1": "d2e6ee3a21d7e8bd 8db621fccf62e7e5",
    "random --prune-ratio 0.3 @2": "7386dd3a8532f90c a623994ac65f1191",
    "repb --no-resampling --delta 0.6 @0": "13d824ed7dcb16f0 97baa19d3a64348d",
    "repb --no-resampling --delta 0.6 @1": "dd692d54c384dd30 a0ec55450a33ca71",
    "repb --no-resampling --delta 0.6 @2": "86da372a252490d7 a193a1e076fe0942",
    "repb --score bls @0": "45552005610ee930 d5218978a7b3eaad",
    "repb --score bls @1": "a61a643a6717c78a dd89a6e7838b8465",
    "repb --score bls @2": "f14141f817a9c8dc 4b240412e50104d2",
    "repb --window 3 --max-weight 2 @0": "c85f4aa29018bf93 5fadeeb717c2fb0a",
    "repb --window 3 --max-weight 2 @1": "65034c80581125dd 775bb9a7e1a8b80a",
    "repb --window 3 --max-weight 2 @2": "05016928c9483760 2f7b0eaa2cee1ca3",
    "repb @0": "9bb93625afd8ac91 ee88e716ac395f85",
    "repb @1": "943bfb1d94b08ae8 3bc346a9555d0051",
    "repb @2": "1065195b0f1cb03b 40b7c4ab1693c66c",
    "seta --groups 10 --window-scale 0.6 @0": "9d2b88c82dc74e24 436b83410b6ddfb4",
    "seta --groups 10 --window-scale 0.6 @1": "7e0d88b77cec2d6f 475df30f479f9869",
    "seta --groups 10 --window-scale 0.6 @2": "54e310303c59de92 3cd1f263cb2d9994",
    "seta --score bls @0": "ca6b09ea74484af1 762bcbb1e1debd88",
    "seta --score bls @1": "7d09055bf7ac96f6 6af91e25fc72626c",
    "seta --score bls @2": "7fd0b0041ad575a0 921ac25adfa9eb85",
    "seta @0": "2fde1165d2ffbf48 00e1ff56f47fef84",
    "seta @1": "449bb6bf012e5a81 a6ae51c3024e9046",
    "seta @2": "cbc37737f0b411f6 3e42add919914c9b",
    "seta lloyd @0": "ee2f199a3ecbf023 0af7a202c74c6a07",
    "seta lloyd @1": "fbe231621f91b721 9ce892a9b9c6cff7",
    "seta lloyd @2": "583e65d2682aba6d c4b315e65c664ede",
    "static-random @0": "084647bce1330b9c a95b7d1eca4ec1ce",
    "static-random @1": "756c2873820d0508 34a7dc41bdffaccc",
    "static-random @2": "5f5dec1792d7ec40 155b0c5e0a82d332",
  ]
}
