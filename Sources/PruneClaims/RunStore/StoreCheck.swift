/// `prunelab store check` (issue 10): reads every run file of a profile's store (complete, of
/// this profile, hashing to its fingerprint, no run twice) and every run's loss log (shape and
/// epoch means those of its run, ``RunStore/loadLossLogs(runs:)``), and compares the store with
/// the runs the training-based claims need.
public struct StoreCheck: Sendable {
  /// Run files read and checked.
  public let storedCount: Int
  /// Runs the claims need, in request order, and whether each is stored.
  public let needed: [RunProvider.Request]
  /// Loss logs read and checked.
  public let lossLogCount: Int
  /// Stored files no claim needs (left by older code or another recipe), and loss logs whose
  /// run file is not stored.
  public let unused: [String]

  /// Checks the store of `profile` under `root` against `claims` (the training-based ones).
  ///
  /// - Throws: the first unusable file's ``RunStoreError`` (corrupt, wrong fingerprint, wrong
  ///   profile, duplicate).
  public init(
    root: String, profile: RunProfile, claims: [any Claim] = ClaimRegistry.all,
    seed: UInt64 = ReproduceOptions.defaultSeed
  ) throws {
    let store = RunStore(root: root, profile: profile)
    let stored = try store.load()
    lossLogCount = try store.loadLossLogs(runs: stored).count
    let provider = try RunTraining.collect(claims, store: store, seed: seed, profile: .quick)
    storedCount = stored.count
    needed = provider.requests
    let neededPrints = Set(needed.map(\.fingerprint))
    unused = stored.values.filter { !neededPrints.contains($0.fingerprint) }
      .map { store.displayPath($0.spec.fileName) }.sorted()
      + store.unusedLossLogs(runs: stored)
  }

  /// The runs still to train.
  public var missing: [RunProvider.Request] { needed.filter { !$0.isStored } }

  /// A report for people: counts, then one line per missing run and per unused file.
  public var text: String {
    let missing = self.missing
    let waiting = missing.filter(\.isBlocked).count
    var lines = [
      "\(storedCount) run file(s) read: complete, of this profile, fingerprints match, no duplicates",
      "\(lossLogCount) loss log(s) read: shape and epoch means match their runs",
      "the training-based claims need \(needed.count) run(s): \(needed.count - missing.count) "
        + "stored, \(missing.count) missing"
        + (waiting > 0 ? " (\(waiting) derived from runs not stored yet)" : ""),
    ]
    for request in missing {
      lines.append(
        "  missing \(request.spec.shortName) \(request.isBlocked ? "(pending)" : request.fingerprint)"
          + (request.logsLosses ? " with its loss log" : "")
          + " for \(request.claim): \(request.label)")
    }
    for file in unused { lines.append("  unused \(file)") }
    return lines.joined(separator: "\n")
  }
}
