/// A claim assembled from training runs of the run store (issue 10): its runs are collected,
/// trained (`reproduce --train`, `--shard`), verified and checked before its page is written.
public protocol TrainingBasedClaim: Claim {
  /// Whether the claim's checks use only runs the store holds, so its page can be assembled
  /// while other runs are still missing (``MissingRuns``).
  ///
  /// A claim that says yes computes a check only from groups of runs none of which is a
  /// placeholder (``TrainingRunOutcome/isPlaceholder``) and marks the other groups as waiting;
  /// its verdict then rests on the checks it could compute, and the page lists the missing
  /// runs beside them. The paper profile accumulates over many reproduce runs (12 machine-hours),
  /// so a claim with independent per-rule checks (X-1's lossless test per rule) can answer for
  /// the rules already trained. Default: no (the page waits for every run).
  var assemblesFromStoredRunsOnly: Bool { get }
}

extension TrainingBasedClaim {
  public var assemblesFromStoredRunsOnly: Bool { false }
}

extension X1LosslessFrontier {
  public var assemblesFromStoredRunsOnly: Bool { true }
}
