import Foundation
import MiniCNN
import PruneSignals
import Synchronization

/// Where the end-to-end claims get their training runs: the run store (issue 10).
///
/// A claim asks for a run through ``EndToEndTraining``; the provider answers from the store
/// when the run is there. Otherwise it records the request and answers with a placeholder
/// outcome, so the claim's computation goes on and every run it needs becomes known:
/// - in a *collect* pass (``Mode/collect``) nothing is kept but the requests: each carries the
///   closure that trains it, and ``RunTraining`` trains the missing ones (all, or one shard's);
/// - in an *assemble* pass (``Mode/assemble``) a claim with a missing run is reported as such
///   (``ClaimRuns/missing``) instead of computed from placeholders.
/// A request whose spec was derived from a placeholder (BPAS-4's control copies B-PAS's
/// measured retention; RePB-4's ρ and r the loss log of its calibration run) is *blocked*: it is
/// trained only after a later collect pass sees its dependency stored.
///
/// Thread-safe: claims run on several threads.
public final class RunProvider: Sendable {
  public enum Mode: Sendable { case collect, assemble }

  /// One run a claim asked for.
  public struct Request: @unchecked Sendable {
    public let fingerprint: String
    public let spec: RunSpec
    /// The first claim and label that asked for it.
    public let claim: String
    public let label: String
    /// True when the spec was derived from a run not yet stored.
    public let isBlocked: Bool
    /// True when the store holds it (and its loss log, when ``logsLosses``).
    public let isStored: Bool
    /// True when the run must also log every sample's loss (``RunStore/loadLossLogs(runs:)``).
    public let logsLosses: Bool
    /// Trains the run (at most `epochs` epochs when given; resuming from and checkpointing to
    /// `partial` when given), calling `epochDone` after each epoch.
    let train:
      (_ epochs: Int?, _ partial: PartialRunFile?, _ epochDone: @escaping (Int) throws -> Void) throws
      -> TrainedRun
  }

  public let profile: RunProfile
  public let mode: Mode
  let stored: [String: StoredRun]
  /// The stored runs' loss logs, by fingerprint.
  let lossLogs: [String: LossLog]
  private let state = Mutex(State())

  private struct State: ~Copyable {
    var requests: [Request] = []
    var seen: Set<String> = []
    var missingByClaim: [String: [Request]] = [:]
    var requestedByClaim: [String: Set<String>] = [:]
    var data: [DataKey: LoadedData] = [:]
  }

  struct DataKey: Hashable {
    let workload: EndToEndWorkload
    let seed: UInt64
  }

  struct LoadedData: @unchecked Sendable {
    let data: TrainingData
    let fingerprint: DataFingerprint
  }

  /// - Parameters:
  ///   - stored: The store's runs by fingerprint (``RunStore/load()``).
  ///   - lossLogs: Their loss logs by fingerprint (``RunStore/loadLossLogs(runs:)``).
  public init(
    profile: RunProfile, mode: Mode, stored: [String: StoredRun],
    lossLogs: [String: LossLog] = [:]
  ) {
    self.profile = profile
    self.mode = mode
    self.stored = stored
    self.lossLogs = lossLogs
  }

  /// A provider of `store`'s runs and loss logs (read and checked).
  /// - Throws: the store's ``RunStoreError`` for the first unusable file.
  public convenience init(store: RunStore, mode: Mode) throws {
    let runs = try store.load()
    self.init(
      profile: store.profile, mode: mode, stored: runs,
      lossLogs: try store.loadLossLogs(runs: runs))
  }

  /// Every request so far, in the order first asked (claims in registry order give a
  /// deterministic order when run one at a time).
  public var requests: [Request] { state.withLock { $0.requests } }

  /// The claim's view, for its ``ClaimContext``.
  public func runs(forClaim id: String) -> ClaimRuns { ClaimRuns(provider: self, claim: id) }

  /// The data of `workload` and its fingerprint, loaded once per provider.
  func data(for workload: EndToEndWorkload, seed: UInt64) throws -> LoadedData {
    let key = DataKey(workload: workload.withEpochs(1).withSeeds(1), seed: seed)
    if let loaded = state.withLock({ $0.data[key] }) { return loaded }
    let data = try workload.loadData(seed: seed)
    let loaded = LoadedData(data: data, fingerprint: DataFingerprint(data))
    state.withLock { $0.data[key] = loaded }
    return loaded
  }

  /// The outcome of the run `spec`, from the store, or a placeholder after recording the
  /// request (see the type's discussion). With `logsLosses` the run counts as stored only
  /// with its loss log (``lossLog(for:)``).
  func outcome(
    spec: RunSpec, claim: String, label: String, seedIndex: Int, isBlocked: Bool,
    logsLosses: Bool = false, placeholder: () -> TrainingRunOutcome,
    train: @escaping (Int?, PartialRunFile?, @escaping (Int) throws -> Void) throws -> TrainedRun
  ) -> TrainingRunOutcome {
    let fingerprint = spec.fingerprint
    let hasLog = !logsLosses || lossLogs[fingerprint] != nil
    let run = isBlocked || !hasLog ? nil : stored[fingerprint]
    let request = Request(
      fingerprint: fingerprint, spec: spec, claim: claim, label: label, isBlocked: isBlocked,
      isStored: run != nil, logsLosses: logsLosses, train: train)
    state.withLock {
      $0.requestedByClaim[claim, default: []].insert(fingerprint)
      if run == nil { $0.missingByClaim[claim, default: []].append(request) }
      // A blocked request's spec comes from placeholders, so two different pending runs can
      // share a fingerprint now (X-1's random at InfoBatch's saving, BLS-6's at SeTa+BLS's) and
      // differ once their dependencies are stored: the label, which names the derivation, keeps
      // them apart, while claims asking for the same derived run (B-PAS at its calibrated
      // thresholds in, BPAS-4/6/7) share it.
      // A request that needs the loss log is its own entry: the run may be stored without it.
      let key = (isBlocked ? "\(fingerprint) \(label)" : fingerprint) + (logsLosses ? " log" : "")
      if $0.seen.insert(key).inserted { $0.requests.append(request) }
    }
    if let run { return run.outcome(label: label, seedIndex: seedIndex) }
    return placeholder()
  }

  /// The stored loss log of run `fingerprint`, if any.
  func lossLog(for fingerprint: String) -> LossLog? { lossLogs[fingerprint] }

  /// The runs `claim` asked for that the store lacks.
  func missing(forClaim claim: String) -> [Request] {
    state.withLock { $0.missingByClaim[claim] ?? [] }
  }

  /// How many distinct runs `claim` asked for.
  func requestedCount(forClaim claim: String) -> Int {
    state.withLock { $0.requestedByClaim[claim]?.count ?? 0 }
  }
}

/// A claim's view of the ``RunProvider`` (in its ``ClaimContext``).
public struct ClaimRuns: Sendable {
  public let provider: RunProvider
  public let claim: String

  public var profile: RunProfile { provider.profile }
  /// The runs this claim asked for that are not stored.
  public var missing: [RunProvider.Request] { provider.missing(forClaim: claim) }
  /// How many distinct runs it asked for.
  public var requestedCount: Int { provider.requestedCount(forClaim: claim) }
}
