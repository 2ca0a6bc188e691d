import Foundation
import PruneAnalysis
import PruneCore

/// Collects the runs the training-based claims need, trains the missing ones into the store,
/// and verifies stored ones (issue 10: `reproduce --train`, `--shard i/n`, `--verify K`).
public enum RunTraining {
  /// One progress event of training or verification.
  public struct Event: Sendable {
    /// "train" or "verify".
    public let activity: String
    /// The run (1-based) among `runCount` of this invocation, its name and first claim.
    public let runNumber: Int
    public let runCount: Int
    public let runName: String
    public let claim: String
    /// Epochs done of the run and planned.
    public let epochsDone: Int
    public let epochsPlanned: Int
    /// Runs of the selected claims stored and missing, now.
    public let storedCount: Int
    public let missingCount: Int
    /// Seconds left for this invocation's runs (nil before the first epoch).
    public let secondsLeft: Double?
  }

  /// What a training pass did.
  public struct Report: Sendable {
    /// Files written, relative to the output root.
    public var written: [String] = []
    /// Runs of this shard that wait for a run of another shard.
    public var waiting: [String] = []
  }

  /// Runs `claims` in a collect pass (one at a time, so the request order is deterministic)
  /// and returns the provider holding every request.
  public static func collect(
    _ claims: [any Claim], store: RunStore, seed: UInt64, profile: ClaimProfile
  ) throws -> RunProvider {
    let provider = try RunProvider(store: store, mode: .collect)
    for claim in claims where claim is any TrainingBasedClaim {
      let context = ClaimContext(
        profile: profile, seed: seed, runs: provider.runs(forClaim: claim.id))
      // A claim computed from placeholders may throw (e.g. a figure of constant data); the
      // requests made before that are what the pass is for.
      _ = try? claim.run(in: context)
    }
    return provider
  }

  /// Refuses to train or verify a profile pinned to another OpenBLAS kernel.
  static func checkKernel(_ profile: RunProfile) throws {
    if let pinned = profile.pinnedKernel,
      BLASInfo.openBLASCoreName.lowercased() != pinned.lowercased()
    {
      throw RunStoreError.wrongBLASKernel(found: BLASInfo.openBLASCoreName, needed: pinned)
    }
  }

  /// Trains the missing runs of `claims` that belong to `shard` (all with nil), writing each
  /// to the store as soon as it finishes. Runs derived from other runs are trained once those
  /// are stored (another collect pass); ones waiting for another shard are reported.
  public static func trainMissing(
    _ claims: [any Claim], store: RunStore, seed: UInt64, profile: ClaimProfile,
    shard: RunShard?, progress: @escaping @Sendable (Event) -> Void = { _ in }
  ) throws -> Report {
    try checkKernel(store.profile)
    var report = Report()
    var clock = EpochClock()
    while true {
      let provider = try collect(claims, store: store, seed: seed, profile: profile)
      let requests = provider.requests
      let mine = requests.enumerated().filter { shard?.contains(position: $0.offset) ?? true }
        .map(\.element).filter { !$0.isStored }
      let ready = mine.filter { !$0.isBlocked }
      let blocked = mine.filter(\.isBlocked)
      if ready.isEmpty {
        report.waiting = blocked.map { "\($0.spec.shortName) (\($0.claim))" }
        return report
      }
      var stored = requests.filter(\.isStored).count
      clock.plannedEpochs = ready.reduce(0) { $0 + $1.spec.trainer.epochs }
      for (number, request) in ready.enumerated() {
        let event = { (done: Int) in
          Event(
            activity: "train", runNumber: number + 1, runCount: ready.count,
            runName: request.spec.shortName, claim: request.claim, epochsDone: done,
            epochsPlanned: request.spec.trainer.epochs, storedCount: stored,
            missingCount: requests.count - stored, secondsLeft: clock.secondsLeft)
        }
        progress(event(0))
        let trained = try request.train(nil, store.partialFile(for: request.fingerprint)) {
          epoch in
          clock.epochFinished()
          progress(event(epoch + 1))
        }
        clock.runFinished(planned: request.spec.trainer.epochs, trained: trained.run.epochs.count)
        report.written.append(try store.write(trained))
        stored += 1
      }
      if blocked.isEmpty { return report }
    }
  }

  /// Retrains `count` stored runs of `claims`, chosen at random from `seed`, for their first
  /// `epochs` epochs and compares every epoch record and weight digest bit for bit.
  ///
  /// - Returns: The verified runs' file paths.
  /// - Throws: ``RunStoreError/verificationFailed(file:epoch:fields:)`` naming the first run
  ///   that differs.
  public static func verify(
    _ claims: [any Claim], store: RunStore, seed: UInt64, profile: ClaimProfile, count: Int,
    epochs: Int = 2, progress: @escaping @Sendable (Event) -> Void = { _ in }
  ) throws -> [String] {
    guard count > 0 else { return [] }
    try checkKernel(store.profile)
    let provider = try collect(claims, store: store, seed: seed, profile: profile)
    var candidates = provider.requests.filter { $0.isStored && !$0.isBlocked }
    candidates.sort { $0.fingerprint < $1.fingerprint }
    var generator = SeededGenerator(seed: seed ^ 0x5645_5249_4659, stream: 0)  // "VERIFY"
    candidates.seededShuffle(using: &generator)
    let chosen = Array(candidates.prefix(count))
    var verified: [String] = []
    for (number, request) in chosen.enumerated() {
      guard let stored = provider.stored[request.fingerprint] else { continue }
      let file = store.displayPath(request.spec.fileName)
      let length = min(epochs, stored.epochs.count)
      let event = { (done: Int) in
        Event(
          activity: "verify", runNumber: number + 1, runCount: chosen.count,
          runName: request.spec.shortName, claim: request.claim, epochsDone: done,
          epochsPlanned: length, storedCount: candidates.count, missingCount: 0,
          secondsLeft: nil)
      }
      progress(event(0))
      let trained = try request.train(length, nil) { progress(event($0 + 1)) }
      let retrained = trained.run
      for (old, new) in zip(stored.epochs, retrained.epochs) {
        let fields = old.differences(from: new)
        if !fields.isEmpty {
          throw RunStoreError.verificationFailed(file: file, epoch: old.epoch, fields: fields)
        }
      }
      if request.logsLosses, let old = provider.lossLog(for: request.fingerprint),
        let new = trained.lossLog
      {
        for epoch in 0..<min(new.epochCount, old.epochCount)
        where old.losses(ofEpoch: epoch) != new.losses(ofEpoch: epoch) {
          throw RunStoreError.verificationFailed(
            file: store.displayPath(RunStore.lossLogName(for: request.spec)), epoch: epoch,
            fields: ["per-sample losses"])
        }
      }
      guard retrained.epochs.count == length else {
        throw RunStoreError.verificationFailed(
          file: file, epoch: retrained.epochs.count, fields: ["epochs trained"])
      }
      verified.append(file)
    }
    return verified
  }
}

/// The time estimate of a training pass: mean seconds per trained epoch so far, times the
/// epochs still planned.
struct EpochClock {
  var plannedEpochs = 0
  private var doneEpochs = 0
  private var started: Date?
  private var lastEpoch = Date()
  private var seconds = 0.0
  private var measuredEpochs = 0

  mutating func epochFinished() {
    let now = Date()
    if started != nil {
      seconds += now.timeIntervalSince(lastEpoch)
      measuredEpochs += 1
    }
    started = started ?? now
    lastEpoch = now
    doneEpochs += 1
  }

  mutating func runFinished(planned: Int, trained: Int) {
    // An early stop (B-PAS) leaves planned epochs that will never be trained.
    plannedEpochs -= planned - trained
    started = nil
  }

  var secondsLeft: Double? {
    guard measuredEpochs > 0 else { return nil }
    return seconds / Double(measuredEpochs) * Double(max(0, plannedEpochs - doneEpochs))
  }
}
