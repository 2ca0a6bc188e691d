import Dispatch
import Synchronization

/// Runs claims, several at once, and returns their outcomes in registry order.
///
/// Claims are independent and each is a pure function of its ``ClaimContext`` (profile and
/// seed), so the outcomes, and every byte written from them, do not depend on `jobs` or on
/// which claim finishes first: the runner only changes *when* a claim runs, never its inputs.
///
/// Timing-based claims (``TimingBasedClaim``, X-2) measure wall-clock time, which another claim
/// running beside them would distort; they run last, one at a time, once every other claim is done.
public enum ClaimRunner {
  /// One progress event: a claim started, reported progress, or finished.
  public struct Progress: Sendable {
    /// The claim's id.
    public let id: String
    /// Claims finished so far (including this one when `isFinished`), and the total.
    public let finishedCount: Int
    public let totalCount: Int
    /// The claim's own fraction in [0, 1].
    public let fraction: Double
    /// A short note ("holds", "alpha = 0.9", "failed: ...").
    public let note: String
    /// True for the event that ends a claim.
    public let isFinished: Bool
  }

  /// Runs `claims` with at most `jobs` at a time.
  ///
  /// - Parameters:
  ///   - claims: The claims, in registry order.
  ///   - profile: Quick or full.
  ///   - seed: The base seed every claim derives its generators from.
  ///   - jobs: The number of worker threads, at least 1.
  ///   - progress: Called from worker threads; must be thread-safe.
  /// - Returns: One outcome per claim, in the order of `claims`.
  public static func run(
    _ claims: [any Claim], profile: ClaimProfile, seed: UInt64, jobs: Int,
    runs: RunProvider? = nil, progress: @escaping @Sendable (Progress) -> Void = { _ in }
  ) -> [ClaimOutcome] {
    precondition(jobs >= 1, "jobs must be at least 1")
    let total = claims.count
    let timed = claims.indices.filter { claims[$0] is any TimingBasedClaim }
    let untimed = claims.indices.filter { !(claims[$0] is any TimingBasedClaim) }
    let state = Mutex(RunState(outcomes: Array(repeating: nil, count: total)))
    for (phase, jobsOfPhase) in [(untimed, jobs), (timed, 1)] where !phase.isEmpty {
      state.withLock { $0.startPhase(phase) }
      let group = DispatchGroup()
      for _ in 0..<min(jobsOfPhase, phase.count) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
          while let index = state.withLock({ $0.takeNext() }) {
            let claim = claims[index]
            let context = ClaimContext(
              profile: profile, seed: seed, runs: runs?.runs(forClaim: claim.id)
            ) { fraction, note in
              let done = state.withLock { $0.finishedCount }
              progress(Progress(
                id: claim.id, finishedCount: done, totalCount: total, fraction: fraction,
                note: note, isFinished: false))
            }
            let outcome: ClaimOutcome
            do {
              let result = try claim.run(in: context)
              let isPartial = (claim as? any TrainingBasedClaim)?.assemblesFromStoredRunsOnly ?? false
              outcome = .finished(
                context.runs.map { MissingRuns.page(for: result, runs: $0, isPartial: isPartial) }
                  ?? result)
            } catch {
              outcome = .failed(
                id: claim.id, family: claim.family, title: claim.title, reason: "\(error)")
            }
            let done = state.withLock { $0.store(outcome, at: index) }
            let note: String
            switch outcome {
            case .finished(let result): note = result.verdict.rawValue
            case .failed(_, _, _, let reason): note = "failed: \(reason)"
            }
            progress(Progress(
              id: claim.id, finishedCount: done, totalCount: total, fraction: 1, note: note,
              isFinished: true))
          }
          group.leave()
        }
      }
      group.wait()
    }
    return state.withLock { $0.outcomes.compactMap { $0 } }
  }

  /// The current phase's queue, its position and the outcomes, behind one lock.
  private struct RunState: ~Copyable {
    var queue: [Int] = []
    var next = 0
    var finishedCount = 0
    var outcomes: [ClaimOutcome?]

    init(outcomes: [ClaimOutcome?]) { self.outcomes = outcomes }

    /// Queues the claims of the next phase (indices in registry order).
    mutating func startPhase(_ indices: [Int]) {
      queue = indices
      next = 0
    }

    mutating func takeNext() -> Int? {
      guard next < queue.count else { return nil }
      defer { next += 1 }
      return queue[next]
    }

    mutating func store(_ outcome: ClaimOutcome, at index: Int) -> Int {
      outcomes[index] = outcome
      finishedCount += 1
      return finishedCount
    }
  }
}
