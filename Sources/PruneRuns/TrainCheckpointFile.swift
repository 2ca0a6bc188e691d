import Foundation
import MiniCNN
import PruneReport

/// A ``TrainingCheckpoint`` on disk: JSON (Swift prints every Float and Double in its shortest
/// round-trip form, so reading it back restores the same bits), written atomically so an
/// interruption during the write leaves the previous checkpoint intact.
enum TrainCheckpointFile {
  static func write<State>(_ checkpoint: TrainingCheckpoint<State>, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Inf", negativeInfinity: "-Inf", nan: "NaN")
    encoder.outputFormatting = [.sortedKeys]
    try AtomicFile.write(try encoder.encode(checkpoint), to: URL(fileURLWithPath: path))
  }

  /// - Throws: ``PruneRunsError/unreadableCheckpoint(path:reason:)``.
  static func read<State>(_ type: State.Type, from path: String) throws
    -> TrainingCheckpoint<State>
  {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw PruneRunsError.unreadableCheckpoint(path: path, reason: "the file cannot be read")
    }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Inf", negativeInfinity: "-Inf", nan: "NaN")
    do {
      return try decoder.decode(TrainingCheckpoint<State>.self, from: data)
    } catch let error as MiniCNNError {
      throw error
    } catch {
      throw PruneRunsError.unreadableCheckpoint(
        path: path, reason: "it is not a checkpoint of this rule (\(error))")
    }
  }
}
