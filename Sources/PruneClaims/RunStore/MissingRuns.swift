/// The page of a training-based claim whose runs are not all in the store (issue 10): it says
/// how many are present and which are missing, and decides nothing — its numbers would come
/// from placeholders.
enum MissingRuns {
  /// `result` itself when every run was stored; otherwise a result without checks whose
  /// verdict is "not testable here", listing the missing runs.
  static func page(for result: ClaimResult, runs: ClaimRuns) -> ClaimResult {
    let missing = runs.missing
    guard runs.requestedCount > 0 else { return result }
    guard !missing.isEmpty else {
      return ClaimResult(
        id: result.id, family: result.family, title: result.title,
        statement: result.statement, equation: result.equation,
        setting: result.setting + [
          ("run profile", runs.profile.summary),
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
    let reason = "\(present) of \(total) training runs of the \(profile) profile are in the run "
      + "store (notebooks-md/data/runs/\(profile)/); \(unique.count) are missing, so no check "
      + "can be computed yet. Train them with `prunelab reproduce --runs \(profile) --train "
      + "--only \(result.id)` (or spread them with `--shard i/n`); the page is assembled once "
      + "every run is stored."
    return ClaimResult(
      id: result.id, family: result.family, title: result.title, statement: result.statement,
      equation: result.equation,
      setting: result.setting + [
        ("run profile", runs.profile.summary),
        ("runs", "\(present) of \(total) stored, \(unique.count) missing"),
      ],
      checks: [], tables: [table], discussion: reason, notTestableReason: reason)
  }
}
