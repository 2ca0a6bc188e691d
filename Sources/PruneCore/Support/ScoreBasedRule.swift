/// The bookkeeping every score-driven rule (``InfoBatch``, ``SeTa``, ``RePB``, ``HardPruning``)
/// shares, written once: the score source's size check, the manifest parameters it starts from,
/// recording a batch, and the score and cursor part of save/restore.
///
/// Each of those rules holds a ``ScoreSource`` and an ``EpochCursor`` and follows the contract
/// `plan(e)`, `record(...)`..., `finishEpoch(e)` (``PruningRule``); what differs between them is
/// only what they remember on top (algorithms.md Part A).
protocol ScoreBasedRule: PruningRule {
  associatedtype Source: ScoreSource
  var setup: TrainingSetup { get }
  var scoreSource: Source { get set }
  var cursor: EpochCursor { get set }
}

extension ScoreBasedRule {
  /// Checks that `scoreSource` holds one score per sample of `setup`.
  ///
  /// - Throws: ``PruneCoreError/inconsistent(parameters:reason:)`` when the source's sample count
  ///   differs from `setup.sampleCount`.
  static func checkSize(of scoreSource: Source, for setup: TrainingSetup) throws {
    guard scoreSource.scores.count == setup.sampleCount else {
      throw PruneCoreError.inconsistent(
        parameters: "scoreSource, sampleCount",
        reason: "the score source holds \(scoreSource.scores.count) scores for "
          + "\(setup.sampleCount) samples; build it with the setup's sample count.")
    }
  }

  /// The score source's parameters plus `rule`, the start of every such rule's ``parameters``.
  var scoreParameters: [String: String] {
    var values = scoreSource.parameters
    values["rule"] = name
    return values
  }

  /// Checks `report` against the open epoch, then updates the scores of its samples.
  mutating func recordScores(_ report: BatchReport) throws {
    try cursor.checkReport(report)
    try scoreSource.update(with: report)
  }

  /// Restores the score source and the cursor from a snapshot of both.
  mutating func restoreScores(_ scores: Source.State, cursor: EpochCursor) throws {
    try scoreSource.restore(scores)
    self.cursor = cursor
  }
}
