import Foundation
import PruneCore
import PruneEngine
import PruneReport

/// The files of a `simulate` run, as bytes: epochs.csv, summary.json, samples.csv,
/// manifest.json, and any recorded logs. Deterministic: no time, no machine name.
struct SimulationFiles {
  let request: SimulationRequest
  let setup: TrainingSetup
  let result: SimulationResult
  let ruleParameters: [String: String]
  let sourceParameters: [String: String]
  private var extra: [OutputFile] = []

  init(
    request: SimulationRequest, setup: TrainingSetup, result: SimulationResult,
    ruleParameters: [String: String], sourceParameters: [String: String]
  ) {
    self.request = request
    self.setup = setup
    self.result = result
    self.ruleParameters = ruleParameters
    self.sourceParameters = sourceParameters
  }

  mutating func add(name: String, bytes: [UInt8]) {
    extra.append(OutputFile(name: name, contents: Data(bytes)))
  }

  /// Every file, the manifest last (it lists the others).
  func all(includeSamples: Bool) throws -> [OutputFile] {
    var files = [
      OutputFile(name: "epochs.csv", text: try epochsTable().csvText),
      OutputFile(name: "summary.json", text: summary.serialized(pretty: true)),
    ]
    if includeSamples, let samples = result.samples {
      files.append(OutputFile(name: "samples.csv", contents: Self.samplesCSV(samples)))
    }
    files += extra
    files.append(
      OutputFile(name: "manifest.json", text: manifest(outputs: files.map(\.name)).jsonText))
    return files
  }

  /// `epochs.csv`: ``EpochRecord/csvHeader`` and one row per epoch run.
  func epochsTable() throws -> CSVTable {
    var table = try CSVTable(columns: EpochRecord.csvHeader, name: "epochs.csv")
    for record in result.epochs {
      try table.append(record.csvFields.map { CSVValue.string($0) })
    }
    return table
  }

  /// `summary.json`, snake_case keys.
  var summary: JSONValue {
    let s = result.summary
    return .object([
      "rule": .string(s.rule),
      "source": .string(s.source),
      "samples": .integer(s.samples),
      "batch_size": .integer(s.batchSize),
      "seed": JSONValue(setup.seed),
      "epochs_planned": .integer(s.epochsPlanned),
      "epochs_run": .integer(s.epochsRun),
      "stopped_early": .bool(s.stoppedEarly),
      "trained_sample_iterations": .integer(s.trainedSampleIterations),
      "trained_batches": .integer(s.trainedBatches),
      "saved_fraction": .number(s.savedFraction),
      "batch_saved_fraction": .number(s.batchSavedFraction),
      "dsi": s.dsi.map(JSONValue.number) ?? .null,
      "final_mean_loss": s.finalMeanLoss.map(JSONValue.number) ?? .null,
      "samples_never_trained": .integer(s.samplesNeverTrained),
    ])
  }

  /// `manifest.json`: version, the command that regenerates the folder, seed, every parameter.
  func manifest(outputs: [String]) -> RunManifest {
    var parameters: [String: JSONValue] = [
      "rule": .string(request.rule),
      "samples": .integer(setup.sampleCount),
      "epochs": .integer(setup.plannedEpochs),
      "batchSize": .integer(setup.batchSize),
      "seed": JSONValue(setup.seed),
      "ruleParameters": .object(ruleParameters.mapValues(JSONValue.string)),
      "ruleOptions": .array(request.ruleOptions.arguments.map(JSONValue.string)),
    ]
    parameters["signals"] = .object(sourceParameters.mapValues(JSONValue.string))
    return RunManifest(
      toolVersion: PruneLabVersion.current, arguments: request.commandLine,
      seed: setup.seed, parameters: parameters, outputs: outputs)
  }

  /// `samples.csv`: ``SampleOutcomes/csvHeader`` and one row per sample, written directly
  /// (a million rows would be slow through a table of cells).
  static func samplesCSV(_ outcomes: SampleOutcomes) -> Data {
    var text = SampleOutcomes.csvHeader.joined(separator: ",") + "\n"
    text.reserveCapacity(outcomes.count * 40)
    for sample in 0..<outcomes.count {
      text += outcomes.csvFields(ofSample: sample).joined(separator: ",")
      text += "\n"
    }
    return Data(text.utf8)
  }
}
