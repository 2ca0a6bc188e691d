/// The page of a training-based claim whose runs are not all in the store (issue 10): it says
/// how many are present and which are missing. It decides nothing — its numbers would come
/// from placeholders — unless the claim computes its checks from stored runs only
/// (``TrainingBasedClaim/assemblesFromStoredRunsOnly``): then the page keeps those checks and
/// says that it is partial. (The page's setting line names the run profile, ``ClaimSection``.)
enum MissingRuns {
  /// `result` itself when every run was stored; otherwise, listing the missing runs, either a
  /// result without checks whose verdict is "not testable here" or, with `isPartial` and at
  /// least one check, the result with its checks kept and marked partial.
  static func page(for result: ClaimResult, runs: ClaimRuns, isPartial: Bool = false)
    -> ClaimResult
  {
    let missing = runs.missing
    guard runs.requestedCount > 0 else { return result }
    guard !missing.isEmpty else {
      return ClaimResult(
        id: result.id, family: result.family, title: result.title,
        statement: result.statement, equation: result.equation,
        setting: result.setting + [
          ("runs", "all \(runs.requestedCount) from \(runs.profile.storePath)/"),
        ],
        checks: result.checks, tables: result.tables, figures: result.figures,
        discussion: result.discussion, notTestableReason: result.notTestableReason,
        modelQuestion: result.modelQuestion)
    }
    var seen = Set<String>()
    let unique = missing.filter { seen.insert($0.fingerprint).inserted }
    let total = runs.requestedCount
    let present = total - unique.count
    let profile = runs.profile.name
    let table = ClaimTable(
      name: "missing-runs",
      caption: "runs of the \(profile) profile this claim needs that the store does not hold",
      header: ["run", "label", "fingerprint", "waits_for_another_run"],
      rows: unique.map {
        [$0.spec.shortName, $0.label, $0.isBlocked ? "pending" : $0.fingerprint,
         $0.isBlocked ? "yes" : "no"]
      }, showOnPage: true)
    if isPartial, !result.checks.isEmpty {
      let note = "Partial page: \(present) of \(total) training runs of the \(profile) profile "
        + "are in the run store; \(unique.count) are missing (listed below). Every check on this "
        + "page uses stored runs only, so the verdict answers for the rules already trained; "
        + "the others are marked as waiting. Train the rest with `prunelab reproduce --runs "
        + "\(profile) --train --only \(result.id)`. "
      return ClaimResult(
        id: result.id, family: result.family, title: result.title, statement: result.statement,
        equation: result.equation,
        setting: result.setting + [
          ("runs", "\(present) of \(total) stored, \(unique.count) missing (partial page)"),
        ],
        checks: result.checks, tables: result.tables + [table], figures: result.figures,
        discussion: note + result.discussion, notTestableReason: result.notTestableReason,
        modelQuestion: result.modelQuestion)
    }
    let reason = "\(present) of \(total) training runs of the \(profile) profile are in the run "
      + "store (notebooks-md/data/runs/\(profile)/); \(unique.count) are missing, so no check "
      + "can be computed yet. Train them with `prunelab reproduce --runs \(profile) --train "
      + "--only \(result.id)` (or spread them with `--shard i/n`); the page is assembled once "
      + "every run is stored."
    return ClaimResult(
      id: result.id, family: result.family, title: result.title, statement: result.statement,
      equation: result.equation,
      setting: result.setting + [
        ("runs", "\(present) of \(total) stored, \(unique.count) missing"),
      ],
      checks: [], tables: [table], discussion: reason, notTestableReason: reason)
  }
}
