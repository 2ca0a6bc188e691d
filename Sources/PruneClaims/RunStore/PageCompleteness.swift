/// Whether a claim's page rests on every training run it needs (issue 10).
///
/// X-1 assembles a page from the runs stored so far (``TrainingBasedClaim/assemblesFromStoredRunsOnly``),
/// so its verdict answers only for the rules already trained; the index and `verdicts.csv` say
/// so beside the verdict, so a partial verdict is never read as a finished one.
public enum PageCompleteness: Sendable, Hashable {
  /// Every run is stored, or the claim computes its numbers on the spot.
  case complete
  /// `stored` of `total` runs are stored and the checks use the stored ones only.
  case partial(stored: Int, total: Int)
  /// `stored` of `total` runs are stored, so no check is computed yet.
  case runsMissing(stored: Int, total: Int)

  /// The `completeness` cell of `verdicts.csv`: `complete`, `partial: 12 of 26 runs`,
  /// `runs missing: 3 of 17 stored`.
  public var text: String {
    switch self {
    case .complete: return VerdictLedger.completeText
    case .partial(let stored, let total): return "partial: \(stored) of \(total) runs"
    case .runsMissing(let stored, let total): return "runs missing: \(stored) of \(total) stored"
    }
  }
}
