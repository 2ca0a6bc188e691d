import Foundation
import MiniCNN
import PruneCore
import PruneReport

/// Thrown by the checkpoint hook to end a run at `--stop-after-epochs`.
private struct StopRequested: Error {
  let epochs: Int
  let checkpoint: String
}

/// One `prunelab train` run: load the data, build the trainer and the rule, resume if asked,
/// train with progress, logs and checkpoints, write the result files.
public struct TrainingRun {
  let command: TrainRequest

  /// Runs `request` and writes its files.
  /// - Throws: the data's, the trainer's, the rule's and the writes' errors.
  public static func run(_ request: TrainRequest) throws {
    try request.validate()
    try TrainingRun(command: request).run()
  }

  func run() throws {
    let folder = try OutputFolder(path: command.outputPath)
    try folder.checkWritable()
    let data = try TrainingData.load(
      command.dataset, trainSubset: command.trainSubset, testSubset: command.testSubset,
      seed: command.dataSeed)
    let trainer = try Trainer(configuration: command.trainer, data: data)
    let setup = try trainer.ruleSetup(seed: command.trainer.seed)
    let rule = try RuleCatalog.makeRule(
      named: command.rule, options: command.ruleOptions, setup: setup)
    try train(rule, trainer: trainer, setup: setup, folder: folder)
  }

  /// The typed half: `Rule.State` is known here, so checkpoints encode and decode.
  private func train<Rule: PruningRule>(
    _ initialRule: Rule, trainer: Trainer, setup: TrainingSetup, folder: OutputFolder
  ) throws {
    var rule = initialRule
    try trainer.checkCompatibility(of: rule)
    var resumedAt: Int?
    if let resume = command.resumePath {
      let checkpoint = try TrainCheckpointFile.read(Rule.State.self, from: resume)
      try trainer.resume(from: checkpoint, rule: &rule)
      resumedAt = checkpoint.nextEpoch
    }
    let logs = try TrainLogs(
      folder: folder.path, logsLosses: command.logsLosses,
      logsActivations: command.logsActivations,
      labels: trainer.data.train.labels, resumingAtEpoch: resumedAt)
    var progress = TrainProgress(plannedEpochs: trainer.configuration.epochs)
    let quiet = !command.reportsProgress
    let checkpointPath = command.checkpointPath ?? command.resumePath
    let epochsURL = try folder.url(for: "epochs.csv")
    let hooks = TrainingHooks<Rule.State>(
      batchTrained: { batch in
        logs.record(batch.report)
        if !quiet { progress.batchTrained(batch) }
      },
      epochFinished: { record in
        try logs.finishEpoch(record.epoch)
        if !quiet { progress.epochFinished(record) }
        try TrainFiles.epochsTable(trainer.records).write(to: epochsURL)
      },
      checkpointReady: checkpointPath.map { path in
        { [stopAfter = command.stopAfterEpochs] checkpoint in
          try TrainCheckpointFile.write(checkpoint, to: path)
          if let stopAfter, checkpoint.nextEpoch >= stopAfter, !checkpoint.hasStoppedEarly,
            checkpoint.nextEpoch < checkpoint.configuration.epochs
          {
            throw StopRequested(epochs: checkpoint.nextEpoch, checkpoint: path)
          }
        }
      })
    let summary: TrainingSummary
    do {
      summary = try trainer.train(&rule, hooks: hooks)
    } catch let stop as StopRequested {
      print(
        "stopped after \(stop.epochs) of \(trainer.configuration.epochs) epochs; continue with "
          + "the same options and --resume \(stop.checkpoint)")
      return
    }
    try logs.finish()
    let files = TrainFiles(
      request: command, summary: summary, setup: setup, data: trainer.data,
      configuration: trainer.configuration)
    try folder.writeTogether(try files.all(logNames: logs.fileNames))

    let saved = NumberFormat.fixed(100 * summary.savedFraction, decimals: 1)
    let accuracy = NumberFormat.fixed(100 * summary.finalTestAccuracy, decimals: 2)
    let share = summary.trainingSeconds > 0 ? summary.selectionSeconds / summary.trainingSeconds : 0
    print(
      "\(summary.rule) on \(trainer.data.source.name): final test accuracy \(accuracy)%, "
        + "saved \(saved)% of sample-iterations, \(NumberFormat.fixed(summary.wallSeconds, decimals: 1)) s "
        + "(selection \(NumberFormat.fixed(100 * share, decimals: 2))% of training); wrote "
        + "\(folder.path)")
  }
}
