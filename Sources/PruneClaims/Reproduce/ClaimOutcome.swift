/// What running one claim produced: its result, or the error that stopped it.
public enum ClaimOutcome: Sendable {
  /// The claim ran and returned its checks, tables and figures.
  case finished(ClaimResult)
  /// The claim's computation threw; the page says so and the verdict is inconclusive.
  case failed(id: String, family: ClaimFamily, title: String, reason: String)

  /// The claim's id.
  public var id: String {
    switch self {
    case .finished(let result): return result.id
    case .failed(let id, _, _, _): return id
    }
  }

  /// The claim's family (page).
  public var family: ClaimFamily {
    switch self {
    case .finished(let result): return result.family
    case .failed(_, let family, _, _): return family
    }
  }

  /// The claim's title.
  public var title: String {
    switch self {
    case .finished(let result): return result.title
    case .failed(_, _, let title, _): return title
    }
  }

  /// The verdict: the result's, or inconclusive for a computation that failed.
  public var verdict: Verdict {
    switch self {
    case .finished(let result): return result.verdict
    case .failed: return .inconclusive
    }
  }
}
