import PruneCore
import PruneEngine
import PruneSignals

/// The loss log a synthetic learner records under full data: every sample's loss in every
/// epoch, as `prunelab train --rule full --log-losses` would log it for a real run.
public enum FullDataLog {
  /// Runs full data on `learner` for `epochs` epochs and returns what it recorded.
  /// - Throws: the engine's errors.
  public static func record(_ learner: SyntheticLearner, epochs: Int) throws -> LossLog {
    var source = learner
    source.startRecording()
    let setup = try TrainingSetup(
      sampleCount: learner.sampleCount, batchSize: min(256, learner.sampleCount),
      plannedEpochs: epochs, seed: 0)
    var rule = FullData(setup: setup)
    _ = try Simulation.run(
      &rule, on: &source, options: SimulationOptions(recordsSampleOutcomes: false))
    guard let log = source.recordedLog else {
      throw PruneSweepError.badCalibrationLog("the learner recorded no log")
    }
    return log
  }
}
