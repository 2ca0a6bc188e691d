import Foundation
import MiniCNN
import PruneAnalysis
import PruneCore
import PruneReport

/// The result files of a `train` run: epochs.csv, summary.json and manifest.json.
struct TrainFiles {
  /// `epochs.csv`'s header; the first six columns are the ones issue 4 fixes.
  static let epochColumns = [
    "epoch", "train_loss", "test_accuracy", "trained_samples", "wall_seconds",
    "selection_seconds", "trained_batches", "weighted_train_loss", "test_loss",
    "evaluation_seconds", "final_learning_rate",
  ]

  let request: TrainRequest
  let summary: TrainingSummary
  let setup: TrainingSetup
  let data: TrainingData
  let configuration: TrainerConfiguration

  /// `epochs.csv`: one row per trained epoch.
  static func epochsTable(_ records: [TrainingEpochRecord]) throws -> CSVTable {
    var table = try CSVTable(columns: epochColumns, name: "epochs.csv")
    for r in records {
      try table.append([
        .integer(r.epoch), .number(r.trainLoss), .number(r.testAccuracy),
        .integer(r.trainedSamples), .number(r.wallSeconds), .number(r.selectionSeconds),
        .integer(r.trainedBatches), .number(r.weightedTrainLoss), .number(r.testLoss),
        .number(r.evaluationSeconds), .number(r.finalLearningRate),
      ])
    }
    return table
  }

  /// `summary.json`, snake_case keys.
  var summaryJSON: JSONValue {
    var ledger = SavingsLedger(setup: setup)
    for r in summary.epochs {
      ledger.record(epoch: r.epoch, trainedSamples: r.trainedSamples, trainedBatches: r.trainedBatches)
    }
    let best = summary.epochs.map(\.testAccuracy).max() ?? 0
    let training = summary.trainingSeconds
    return .object([
      "rule": .string(summary.rule),
      "rule_parameters": .object(summary.ruleParameters.mapValues(JSONValue.string)),
      "dataset": .string(data.source.name),
      "samples": .integer(data.train.sampleCount),
      "test_samples": .integer(data.test.sampleCount),
      "batch_size": .integer(setup.batchSize),
      "seed": JSONValue(setup.seed),
      "epochs_planned": .integer(summary.plannedEpochs),
      "epochs_run": .integer(summary.epochs.count),
      "stopped_early": .bool(summary.hasStoppedEarly),
      "final_test_accuracy": .number(summary.finalTestAccuracy),
      "best_test_accuracy": .number(best),
      "final_train_loss": summary.epochs.last.map { .number($0.trainLoss) } ?? .null,
      "trained_sample_iterations": .integer(summary.trainedSampleIterations),
      "trained_batches": .integer(summary.trainedBatches),
      "saved_fraction": .number(ledger.savedFraction),
      "batch_saved_fraction": .number(ledger.dataSavingIndex),
      "dsi": summary.rule == "bpas" ? .number(ledger.dataSavingIndex) : .null,
      "wall_seconds": .number(summary.wallSeconds),
      "training_seconds": .number(training),
      "selection_seconds": .number(summary.selectionSeconds),
      "selection_share_of_training": .number(training > 0 ? summary.selectionSeconds / training : 0),
      "threads": .integer(configuration.threadCount),
    ])
  }

  /// `manifest.json`: version, command line, seed, every parameter, the outputs.
  func manifest(outputs: [String]) -> RunManifest {
    var parameters: [String: JSONValue] = [
      "rule": .string(summary.rule),
      "ruleParameters": .object(summary.ruleParameters.mapValues(JSONValue.string)),
      "ruleOptions": .array(request.ruleOptions.arguments.map(JSONValue.string)),
      "dataset": .string(data.source.name),
      "epochs": .integer(configuration.epochs),
      "batchSize": .integer(configuration.batchSize),
      "schedule": .string("\(configuration.schedule)"),
      "momentum": .number(configuration.optimizer.momentum),
      "weightDecay": .number(configuration.optimizer.weightDecay),
      "nesterov": .bool(configuration.optimizer.isNesterov),
      "usesBatchNorm": .bool(configuration.usesBatchNorm),
      "labelSmoothing": .number(configuration.labelSmoothing),
      "cropPadding": .integer(configuration.cropPadding),
      "horizontalFlip": .bool(configuration.horizontalFlip),
      "threads": .integer(configuration.threadCount),
      "openBLASCore": .string(BLASInfo.openBLASCoreName),
      "dataSeed": .init(request.dataSeed),
      "trainSamples": .integer(data.train.sampleCount),
      "testSamples": .integer(data.test.sampleCount),
      "normalizationMean": .array(data.normalization.mean.map { .number(Double($0)) }),
      "normalizationStd": .array(
        data.normalization.standardDeviation.map { .number(Double($0)) }),
    ]
    if case .synthetic(let generator) = data.source {
      parameters["synthetic"] = (try? JSONValue(encoding: generator)) ?? .null
    }
    return RunManifest(
      toolVersion: PruneLabVersion.current, arguments: request.commandLine,
      seed: configuration.seed, parameters: parameters, outputs: outputs)
  }

  /// The three files, the manifest last (it lists the others and any logs).
  func all(logNames: [String]) throws -> [OutputFile] {
    let files = [
      OutputFile(name: "epochs.csv", text: try Self.epochsTable(summary.epochs).csvText),
      OutputFile(name: "summary.json", text: summaryJSON.serialized(pretty: true)),
    ]
    let outputs = files.map(\.name) + logNames
    return files + [OutputFile(name: "manifest.json", text: manifest(outputs: outputs).jsonText)]
  }
}
