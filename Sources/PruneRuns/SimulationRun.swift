import Foundation
import PruneCore
import PruneEngine
import PruneReport
import PruneSignals

/// One `prunelab simulate` run: loads or makes the signals, builds the rule, checks that they
/// fit and that the output folder is writable, runs the engine, and writes the files.
///
/// Everything that can be refused is refused before the output folder is touched; the files are
/// staged and moved into place together at the end (``OutputFolder/writeTogether(_:)``).
public struct SimulationRun {
  let command: SimulationRequest
  /// The loss log, checked on opening and replayed from disk one epoch at a time.
  let lossLog: LossLogFile?
  let activationLog: ActivationLog?
  let setup: TrainingSetup

  /// Runs `request` and writes its files.
  /// - Throws: the logs', the rule's, the engine's and the writes' errors; nothing is written
  ///   on an error.
  public static func run(_ request: SimulationRequest) throws {
    try SimulationRun(request: request).run()
  }

  /// Reads the logs and settles the sizes.
  /// - Throws: the logs' errors, ``PruneRunsError`` for sizes that disagree with a log, and
  ///   ``PruneCoreError`` for sizes out of range.
  init(request command: SimulationRequest) throws {
    try command.validate()
    self.command = command
    // With gaps filled, --samples may extend N past the largest logged sample (a run that never
    // trained its last samples); epoch 0 lists every batch of every rule, so no batch hint.
    let hint = command.missing == .carryForward ? command.samples : nil
    lossLog = try command.lossLogPath.map {
      try LossLogFile.open(path: $0, missing: command.missing, sampleCount: hint)
    }
    activationLog = try command.activationLogPath.map {
      try ActivationLog.read(from: $0, missing: command.missing)
    }
    Self.reportFill(lossLog?.fill, of: lossLog?.valueCount, path: command.lossLogPath, "sample")
    Self.reportFill(
      activationLog?.fill, of: activationLog?.statistics.count, path: command.activationLogPath,
      "batch")
    let sampleCount = try Self.sampleCount(command, lossLog: lossLog)
    let epochCount = try Self.epochCount(command, lossLog: lossLog, activationLog: activationLog)
    setup = try TrainingSetup(
      sampleCount: sampleCount, batchSize: command.batchSize, plannedEpochs: epochCount,
      seed: command.seed)
  }

  /// Tells on stderr how many values of a replayed log were filled (the replay is an
  /// approximation there), and says nothing for a complete log.
  private static func reportFill(_ fill: LogFill?, of count: Int?, path: String?, _ unit: String) {
    guard let fill, let count, let path, fill.total > 0 else { return }
    FileHandle.standardError.write(
      Data("note: \(path): \(fill.summary(ofValues: count, indexName: unit))\n".utf8))
  }

  private static func sampleCount(_ command: SimulationRequest, lossLog: LossLogFile?) throws
    -> Int
  {
    guard let lossLog, let path = command.lossLogPath else {
      if command.activationLogPath != nil, command.samples == nil {
        throw PruneRunsError.needsOption(
          option: "--samples",
          reason: "an activation log alone does not say how many samples the batches hold")
      }
      return command.samples ?? SimulationRequest.defaultSamples
    }
    if let samples = command.samples, samples != lossLog.sampleCount {
      throw PruneRunsError.disagreesWithLog(
        option: "--samples", value: samples, log: path, logValue: lossLog.sampleCount)
    }
    return lossLog.sampleCount
  }

  private static func epochCount(
    _ command: SimulationRequest, lossLog: LossLogFile?, activationLog: ActivationLog?
  ) throws -> Int {
    let logged: (epochs: Int, path: String)? =
      if let lossLog, let path = command.lossLogPath {
        (lossLog.epochCount, path)
      } else if let activationLog, let path = command.activationLogPath {
        (activationLog.epochCount, path)
      } else {
        nil
      }
    guard let logged else { return command.epochs ?? SimulationRequest.defaultEpochs }
    if let epochs = command.epochs, epochs != logged.epochs {
      throw PruneRunsError.disagreesWithLog(
        option: "--epochs", value: epochs, log: logged.path, logValue: logged.epochs)
    }
    return logged.epochs
  }

  /// Runs and writes; see the type's discussion.
  func run() throws {
    var rule = try RuleCatalog.makeRule(
      named: command.rule, options: command.ruleOptions, setup: setup)
    if lossLog != nil || activationLog != nil {
      var source = try makeReplaySource()
      try Simulation.check(rule, fits: source)
      try execute(rule: &rule, source: &source, recordedLosses: { _ in nil },
                  recordedActivations: { _ in nil })
    } else {
      var source = try makeSyntheticSource()
      try Simulation.check(rule, fits: source)
      try execute(
        rule: &rule, source: &source, recordedLosses: { $0.primary.recordedLog },
        recordedActivations: { $0.secondary.recordedLog })
    }
  }

  private func makeReplaySource() throws -> LogReplaySource {
    if let lossLog {
      return try LogReplaySource(
        lossFile: lossLog, activationLog: activationLog, name: "loss log \(command.lossLogPath ?? "")")
    }
    guard let activationLog else {
      throw PruneRunsError.needsOption(option: "--losses or --activations", reason: "no log")
    }
    let needed = setup.batchCount(forSamples: setup.sampleCount)
    guard activationLog.batchCount >= needed else {
      throw PruneSignalsError.mismatch(
        detail: "\(command.activationLogPath ?? "the activation log") holds \(activationLog.batchCount) "
          + "batches but \(setup.sampleCount) samples in batches of \(setup.batchSize) make "
          + "\(needed); pass the --samples and --batch-size of the logged run.")
    }
    return try LogReplaySource(
      activationLog: activationLog, sampleCount: setup.sampleCount,
      name: "activation log \(command.activationLogPath ?? "")")
  }

  /// The synthetic learner and the activation generator, seeded from `--seed`.
  private func makeSyntheticSource() throws
    -> CombinedSignalSource<SyntheticLearner, ActivationStabilitySource>
  {
    var seeds = SplitMix64(state: command.seed)
    var learner = try SyntheticLearner(
      sampleCount: setup.sampleCount, configuration: command.learner,
      seed: seeds.next())
    var activations = try ActivationStabilitySource(
      sampleCount: setup.sampleCount, batchCount: setup.batchCount(forSamples: setup.sampleCount),
      configuration: command.activations, seed: seeds.next())
    if command.writesLossLog { learner.startRecording() }
    if command.writesActivationLog { activations.startRecording() }
    return try CombinedSignalSource(learner, activations)
  }

  /// Checks the folder, runs the engine with `rule` opened to its concrete type, writes.
  private func execute<Source: SignalSource>(
    rule: inout any PruningRule, source: inout Source,
    recordedLosses: (Source) -> LossLog?, recordedActivations: (Source) -> ActivationLog?
  ) throws {
    let folderExisted = FileManager.default.fileExists(atPath: command.outputPath)
    let folder = try OutputFolder(path: command.outputPath)
    do {
      let reporter = ProgressReporter(
        isEnabled: command.reportsProgress, plannedEpochs: setup.plannedEpochs)
      let result = try runOpened(&rule, on: &source, reporter: reporter)
      reporter.finish(result)
      if command.writesLossLog || command.writesActivationLog {
        // A rule that stopped early (B-PAS) leaves epochs unlogged; log them too, so a replay
        // plans the same number of epochs (and B-PAS the same threshold schedule).
        for epoch in result.summary.epochsRun..<setup.plannedEpochs {
          try source.beginEpoch(epoch)
        }
      }
      var files = SimulationFiles(
        request: command, setup: setup, result: result, ruleParameters: rule.parameters,
        sourceParameters: sourceParameters())
      if command.writesLossLog, let log = recordedLosses(source) {
        files.add(name: "losses.csv", bytes: log.csvBytes())
      }
      if command.writesActivationLog, let log = recordedActivations(source) {
        files.add(name: "activations.csv", bytes: log.csvBytes())
      }
      try folder.writeTogether(files.all(includeSamples: command.writesSampleOutcomes))
    } catch {
      if !folderExisted { _ = rmdir(folder.path) }  // only removes a folder left empty
      throw error
    }
  }

  private func runOpened<Rule: PruningRule, Source: SignalSource>(
    _ rule: inout Rule, on source: inout Source, reporter: ProgressReporter
  ) throws -> SimulationResult {
    try Simulation.run(
      &rule, on: &source,
      options: SimulationOptions(recordsSampleOutcomes: command.writesSampleOutcomes)
    ) { reporter.report($0) }
  }

  /// The signal settings for the manifest.
  private func sourceParameters() -> [String: String] {
    var parameters: [String: String] = [:]
    if let path = command.lossLogPath { parameters["lossLog"] = path }
    if let path = command.activationLogPath { parameters["activationLog"] = path }
    if lossLog != nil || activationLog != nil {
      parameters["missingEntries"] = command.missing.rawValue
    }
    if let log = lossLog, log.fill.total > 0 {
      parameters["lossLogFill"] = log.fill.summary(ofValues: log.valueCount, indexName: "sample")
    }
    if let log = activationLog, log.fill.total > 0 {
      parameters["activationLogFill"] = log.fill.summary(
        ofValues: log.statistics.count, indexName: "batch")
    }
    if lossLog == nil, activationLog == nil {
      parameters["source"] = "synthetic learner + activation-stability generator"
      parameters.merge(command.learner.parameters) { first, _ in first }
      parameters.merge(command.activations.parameters) { first, _ in first }
    } else {
      parameters["source"] = "replay"
    }
    return parameters
  }
}
