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
      return result.withRunsRow("all \(runs.requestedCount) from \(runs.profile.storePath)/")
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
      return result.withRunsRow(
        "\(present) of \(total) stored, \(unique.count) missing (partial page)",
        tables: result.tables + [table], discussion: note + result.discussion,
        completeness: .partial(stored: present, total: total))
    }
    let reason = "\(present) of \(total) training runs of the \(profile) profile are in the run "
      + "store (notebooks-md/data/runs/\(profile)/); \(unique.count) are missing, so no check "
      + "can be computed yet. Train them with `prunelab reproduce --runs \(profile) --train "
      + "--only \(result.id)` (or spread them with `--shard i/n`); the page is assembled once "
      + "every run is stored."
    return result.withRunsRow(
      "\(present) of \(total) stored, \(unique.count) missing", checks: [], tables: [table],
      figures: [], discussion: reason, notTestableReason: reason, modelQuestion: "",
      completeness: .runsMissing(stored: present, total: total))
  }
}

extension ClaimResult {
  /// The result with a "runs" row added to its setting, its completeness set and the given
  /// parts replaced (the others kept): the three pages of ``MissingRuns``.
  fileprivate func withRunsRow(
    _ runsRow: String, checks: [ClaimCheck]? = nil, tables: [ClaimTable]? = nil,
    figures: [ClaimFigure]? = nil, discussion: String? = nil, notTestableReason: String? = nil,
    modelQuestion: String? = nil, completeness: PageCompleteness = .complete
  ) -> ClaimResult {
    ClaimResult(
      id: id, family: family, title: title, statement: statement, equation: equation,
      setting: setting + [("runs", runsRow)], checks: checks ?? self.checks,
      tables: tables ?? self.tables, figures: figures ?? self.figures,
      discussion: discussion ?? self.discussion,
      notTestableReason: notTestableReason ?? self.notTestableReason,
      modelQuestion: modelQuestion ?? self.modelQuestion, completeness: completeness)
  }
}
