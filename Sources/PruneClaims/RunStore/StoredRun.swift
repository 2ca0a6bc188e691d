import Foundation
import MiniCNN

/// One finished training run as the store keeps it: one small JSON file under
/// `notebooks-md/data/runs/<profile>/` (issue 10).
///
/// It holds the ``RunSpec`` and its fingerprint, a summary, one record per trained epoch with
/// the digest of the weights after that epoch (``MiniCNN/ConvolutionalNetwork/weightDigest``),
/// and, for runs that measure activations (B-PAS), each epoch's batch statistics. Doubles are
/// written in Swift's shortest round-trip form, so a file read back gives the same bits. Times
/// (wall, selection, evaluation seconds) are measurements of the machine that trained the run;
/// everything else is a deterministic function of the spec.
public struct StoredRun: Sendable, Hashable, Codable {
  /// The file format (``currentFormat``).
  public var format: String
  /// The run profile the run belongs to (`paper`, `quick`, `tiny`).
  public var profile: String
  /// ``RunSpec/fingerprint`` of ``spec`` when written.
  public var fingerprint: String
  public var spec: RunSpec
  public var summary: Summary
  public var epochs: [Epoch]
  /// Per trained epoch, `[batch id, statistic]` pairs in batch-id order (empty lists when the
  /// run did not measure activations).
  public var batchStatistics: [[[Double]]]

  public static let currentFormat = "prunelab-run/1"

  /// The totals of the run.
  public struct Summary: Sendable, Hashable, Codable {
    public var finalAccuracy: Double
    public var savedFraction: Double
    public var dataSavingIndex: Double
    public var trainedSamples: Int
    public var trainedBatches: Int
    public var epochsTrained: Int
    public var hasStoppedEarly: Bool
    /// N, the full-data batch count n_0 and the planned epochs E.
    public var sampleCount: Int
    public var originalBatchCount: Int
    public var plannedEpochs: Int
    /// Training seconds (evaluation excluded) and seconds inside the rule.
    public var wallSeconds: Double
    public var selectionSeconds: Double
  }

  /// One trained epoch.
  public struct Epoch: Sendable, Hashable, Codable {
    public var epoch: Int
    public var trainLoss: Double
    public var weightedTrainLoss: Double
    public var testAccuracy: Double
    public var testLoss: Double
    public var trainedSamples: Int
    public var trainedBatches: Int
    public var finalLearningRate: Double
    /// ``MiniCNN/ConvolutionalNetwork/weightDigest`` after the epoch, 16 hex digits.
    public var weightDigest: String
    public var wallSeconds: Double
    public var selectionSeconds: Double
    public var evaluationSeconds: Double

    /// The fields a retraining must reproduce bit for bit (no times).
    var deterministicFields: [String] {
      [
        "\(epoch)", "\(trainLoss.bitPattern)", "\(weightedTrainLoss.bitPattern)",
        "\(testAccuracy.bitPattern)", "\(testLoss.bitPattern)", "\(trainedSamples)",
        "\(trainedBatches)", "\(finalLearningRate.bitPattern)", weightDigest,
      ]
    }

    /// Names of the fields where `other` differs (times ignored).
    func differences(from other: Epoch) -> [String] {
      let names = [
        "epoch", "train loss", "weighted train loss", "test accuracy", "test loss",
        "trained samples", "trained batches", "final learning rate", "weight digest",
      ]
      return zip(names, zip(deterministicFields, other.deterministicFields))
        .filter { $0.1.0 != $0.1.1 }.map(\.0)
    }
  }

  /// The 16-hex-digit form of a digest.
  static func hex(_ value: UInt64) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: 16 - text.count) + text
  }

  /// The run as a claim reads it, under the claim's label and seed index.
  func outcome(label: String, seedIndex: Int) -> TrainingRunOutcome {
    TrainingRunOutcome(
      label: label, seedIndex: seedIndex, seed: spec.trainer.seed,
      finalAccuracy: summary.finalAccuracy, epochAccuracies: epochs.map(\.testAccuracy),
      epochSamples: epochs.map(\.trainedSamples), epochBatches: epochs.map(\.trainedBatches),
      sampleCount: summary.sampleCount, originalBatchCount: summary.originalBatchCount,
      plannedEpochs: summary.plannedEpochs,
      batchStatistics: batchStatistics.map { pairs in
        Dictionary(uniqueKeysWithValues: pairs.map { (Int($0[0]), $0[1]) })
      },
      epochWallSeconds: epochs.map(\.wallSeconds),
      epochSelectionSeconds: epochs.map(\.selectionSeconds))
  }

  /// The file's text: pretty JSON with sorted keys and a final newline.
  func jsonText() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }

  /// Reads a run file's text.
  ///
  /// - Throws: ``RunStoreError/corruptRun(file:reason:)`` for text that is not a complete run
  ///   (truncated, edited, another format), ``RunStoreError/fingerprintMismatch(file:stored:computed:)``
  ///   when the spec does not hash to the stored fingerprint or the file name's.
  static func parse(_ text: String, file: String) throws -> StoredRun {
    let decoder = JSONDecoder()
    let run: StoredRun
    do {
      run = try decoder.decode(StoredRun.self, from: Data(text.utf8))
    } catch {
      throw RunStoreError.corruptRun(
        file: file, reason: "it is not a complete run file (\(Self.describe(error)))")
    }
    guard run.format == currentFormat else {
      throw RunStoreError.corruptRun(
        file: file, reason: "its format is '\(run.format)', this prunelab reads '\(currentFormat)'")
    }
    let computed = run.spec.fingerprint
    guard run.fingerprint == computed else {
      throw RunStoreError.fingerprintMismatch(
        file: file, stored: run.fingerprint, computed: computed)
    }
    let name = URL(fileURLWithPath: file).lastPathComponent
    guard name == run.spec.fileName else {
      throw RunStoreError.fingerprintMismatch(
        file: file, stored: name, computed: run.spec.fileName)
    }
    guard run.epochs.count == run.summary.epochsTrained,
      run.batchStatistics.count == run.epochs.count,
      run.epochs.enumerated().allSatisfy({ $0.offset == $0.element.epoch })
    else {
      throw RunStoreError.corruptRun(
        file: file, reason: "its summary says \(run.summary.epochsTrained) epochs but it holds "
          + "\(run.epochs.count) epoch records and \(run.batchStatistics.count) statistic lists")
    }
    return run
  }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context):
      return "unreadable JSON: \(context.debugDescription)"
    case DecodingError.keyNotFound(let key, _):
      return "field '\(key.stringValue)' is missing"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return "field '\(path)' has the wrong type"
    default:
      return "\(error)"
    }
  }
}
