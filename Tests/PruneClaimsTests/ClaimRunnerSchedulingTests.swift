import Foundation
import Synchronization
import Testing

@testable import PruneClaims

/// Counts the claims running at once and records the order they start in.
private final class RunLog: Sendable {
  struct State {
    var running = 0
    var started: [String] = []
    var concurrentWithTiming: [String] = []
  }
  let state = Mutex(State())
}

/// A claim that sleeps a little while counted as running (to let others overlap it).
private struct SleepingClaim: Claim {
  let id: String
  let family = ClaimFamily.crossRule
  let title = "sleeps"
  let log: RunLog

  func run(in context: ClaimContext) throws -> ClaimResult {
    log.state.withLock {
      $0.running += 1
      $0.started.append(id)
    }
    usleep(20_000)
    log.state.withLock { $0.running -= 1 }
    return ClaimResult(
      id: id, family: family, title: title, statement: "s", equation: "e", setting: [],
      checks: [], tables: [], figures: [], discussion: "d")
  }
}

/// A timing claim that notes whether any other claim ran while it did.
private struct TimedClaim: TimingBasedClaim {
  let id: String
  let family = ClaimFamily.crossRule
  let title = "times"
  let log: RunLog

  func run(in context: ClaimContext) throws -> ClaimResult {
    log.state.withLock {
      if $0.running > 0 { $0.concurrentWithTiming.append(id) }
      $0.running += 1
      $0.started.append(id)
    }
    usleep(20_000)
    log.state.withLock {
      if $0.running > 1 { $0.concurrentWithTiming.append(id) }
      $0.running -= 1
    }
    return ClaimResult(
      id: id, family: family, title: title, statement: "s", equation: "e", setting: [],
      checks: [], tables: [], figures: [], discussion: "d")
  }
}

@Suite struct ClaimRunnerSchedulingTests {
  @Test func timingClaimsRunLastAndAlone() {
    let log = RunLog()
    let claims: [any Claim] = [
      SleepingClaim(id: "A-1", log: log), TimedClaim(id: "T-1", log: log),
      SleepingClaim(id: "A-2", log: log), SleepingClaim(id: "A-3", log: log),
      TimedClaim(id: "T-2", log: log), SleepingClaim(id: "A-4", log: log),
    ]
    let outcomes = ClaimRunner.run(claims, profile: .quick, seed: 1, jobs: 2)
    #expect(outcomes.map(\.id) == ["A-1", "T-1", "A-2", "A-3", "T-2", "A-4"])
    let state = log.state.withLock { $0 }
    #expect(state.started.suffix(2) == ["T-1", "T-2"])
    #expect(state.concurrentWithTiming.isEmpty)
  }
}
