import PruneReport

/// The Markdown section of one claim on its family's page, rendered from its outcome.
///
/// The section holds everything the page needs about the claim (statement, equation, setting,
/// regeneration command, checks, tables, figures, discussion, verdict), so the runner stores it
/// (`notebooks-md/sections/<ID>.md`) and rebuilds any page from stored sections when only some
/// claims are rerun with `--only`.
struct ClaimSection {
  let outcome: ClaimOutcome
  /// The command that regenerates this claim (`prunelab reproduce --only BLS-1`).
  let command: String
  let profile: ClaimProfile
  /// The run profile the numbers come from, for a claim assembled from training runs
  /// (``TrainingBasedClaim``); nil for the others, whose setting is the claim profile.
  var runProfile: RunProfile? = nil
  let seed: UInt64
  /// True for a ``TimingBasedClaim``: its numbers stay off the page.
  let isTimingBased: Bool

  /// The file a table is written to, relative to `notebooks-md/`.
  static func tablePath(claim id: String, table name: String) -> String {
    "data/\(id)-\(name).csv"
  }

  /// The file a figure is written to, relative to the output root.
  static func figurePath(claim id: String, figure name: String) -> String {
    "figures/\(id)-\(name).svg"
  }

  var markdown: String {
    var text = "<a id=\"\(MarkdownText.anchor(forClaim: outcome.id))\"></a>\n\n"
    text += "## \(outcome.id): \(outcome.title)\n\n"
    switch outcome {
    case .failed(_, _, _, let reason):
      text += "**The paper's statement: inconclusive** (the computation failed: \(reason))\n\n"
      text += regenerate
      return text
    case .finished(let result):
      text += verdictLine(result)
      text += "**Statement.** \(result.statement)\n\n"
      text += "**Equation.**\n\n```\n\(result.equation)\n```\n\n"
      text += settingLine
      if !result.setting.isEmpty {
        text += MarkdownText.table(
          header: ["parameter", "value"], rows: result.setting.map { [$0.0, $0.1] })
        text += "\n"
      }
      text += regenerate
      text += checksTable(result)
      text += tablesPart(result)
      text += figuresPart(result)
      if !result.discussion.isEmpty { text += "**Discussion.** \(result.discussion)\n\n" }
      return text
    }
  }

  /// Which profile the numbers come from: the run profile (and its store) for a claim
  /// assembled from training runs, the claim profile otherwise.
  private var settingLine: String {
    guard let runProfile else { return "**Setting.** Profile `\(profile.rawValue)`, seed \(seed).\n\n" }
    let words = runProfile.summary.drop { $0 != ":" }.dropFirst().drop { $0 == " " }
    return "**Setting.** Run profile `\(runProfile.name)` (\(words)), runs from "
      + "`\(runProfile.storePath)/`, seed \(seed).\n\n"
  }

  private var regenerate: String {
    "**Regenerate.** `\(command)` (or `scripts/reproduce --only \(outcome.id)`, which builds "
      + "in release first).\n\n"
  }

  private func verdictLine(_ result: ClaimResult) -> String {
    let deciding = result.decidingChecks
    var text = "**The paper's statement: \(result.verdict.rawValue)**"
    if deciding.isEmpty {
      let reason = result.notTestableReason.isEmpty
        ? "no check here is independent of the measurement" : result.notTestableReason
      text += " (no evidence check decides it: \(reason))"
    } else {
      text += " (decided by \(Self.counted(deciding, noun: "evidence check")))"
    }
    text += "\n\n"
    if let answer = result.modelAnswer {
      let question = result.modelQuestion.isEmpty ? "" : " \(result.modelQuestion)"
      let counts = Self.counted(result.modelChecks, noun: "model check")
      text += "**Our model of why: \(answer.rawValue)** (\(counts))." + question + "\n\n"
    }
    let breaks = result.checks.filter { $0.kind == .evidence && !$0.expectedToHold }.count
    let sanity = result.sanityChecks.count
    var notes: [String] = []
    if breaks > 0 {
      notes.append(
        "\(breaks) check\(breaks == 1 ? "" : "s") in a setting that breaks the paper's assumption "
          + "(shown, not deciding)")
    }
    if sanity > 0 {
      let failing = result.sanityChecks.filter { $0.verdict != .holds }.count
      notes.append(
        "\(sanity) sanity check\(sanity == 1 ? "" : "s") (true by construction, not deciding"
          + (failing > 0 ? "; \(failing) of them do not hold, so the computation is broken" : "")
          + ")")
    }
    if !notes.isEmpty { text += "Also: " + notes.joined(separator: "; ") + ".\n\n" }
    return text
  }

  /// A tolerance as the page prints it: relative ones (ratio comparisons) as a percentage.
  static func tolerance(_ check: ClaimCheck) -> String {
    check.comparison == .relative
      ? PageNumber.spread(100 * check.tolerance, digits: 3) + "% (relative)"
      : PageNumber.spread(check.tolerance, digits: 3)
  }

  /// "3 evidence checks: 2 holds, 1 inconclusive" (verdicts with a count of zero left out).
  static func counted(_ checks: [ClaimCheck], noun: String) -> String {
    let parts = Verdict.checkVerdicts.compactMap { verdict -> String? in
      let n = checks.filter { $0.verdict == verdict }.count
      return n == 0 ? nil : "\(n) \(verdict.rawValue)"
    }
    return "\(checks.count) \(noun)\(checks.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
  }

  private func checksTable(_ result: ClaimResult) -> String {
    if isTimingBased { return timingChecksTable(result) }
    let evidence = result.checks.filter { $0.kind == .evidence }
    var text = ""
    if !evidence.isEmpty {
      let hasModel = evidence.contains { $0.answer == .model }
      let rows = evidence.map { check -> [String] in
        let u = check.uncertainty
        let shown = PageNumber.measuredAndDifference(of: check)
        var row = [check.setting, check.quantity]
        if hasModel { row.append(check.answer == .model ? "our model" : "paper") }
        row += [
          shown.measured,
          check.comparison.symbol + " " + PageNumber.format(check.predicted, uncertainty: u),
          shown.difference, PageNumber.spread(u),
          Self.tolerance(check), check.basis,
          check.expectedToHold ? "yes" : "no (assumption broken)", check.verdict.rawValue,
        ]
        return row
      }
      var header = ["setting", "quantity"]
      if hasModel { header.append("answers") }
      header += [
        "measured", "predicted", "difference", "uncertainty", "tolerance",
        "source of uncertainty and tolerance", "decides", "verdict",
      ]
      text += "**Evidence checks.** Each compares the measurement with a prediction made "
        + "independently of it. A check holds when the gap to the prediction is within the "
        + "tolerance, fails when it exceeds the tolerance by more than "
        + "\(PageNumber.format(Comparison.confidenceMultiplier)) uncertainties, and is "
        + "inconclusive otherwise; numbers are rounded to what their uncertainty supports, "
        + "with more digits where that rounding would hide the gap that decided.\n\n"
        + MarkdownText.table(header: header, rows: rows) + "\n"
    }
    let sanity = result.sanityChecks
    if !sanity.isEmpty {
      let rows = sanity.map { check -> [String] in
        [
          check.setting, check.quantity, PageNumber.measuredAndDifference(of: check).measured,
          check.comparison.symbol + " " + PageNumber.format(check.predicted),
          Self.tolerance(check), check.verdict.rawValue,
        ]
      }
      text += "**Sanity checks.** True by construction (identities, accounting, worked examples): "
        + "they catch a broken computation and never decide the verdict.\n\n"
        + MarkdownText.table(
          header: ["setting", "quantity", "measured", "expected", "tolerance", "verdict"],
          rows: rows) + "\n"
    }
    return text
  }

  private func timingChecksTable(_ result: ClaimResult) -> String {
    let rows = result.checks.map { check -> [String] in
      [
        check.setting, check.quantity, check.kind.rawValue, check.comparison.symbol,
        PageNumber.spread(check.tolerance, digits: 3), check.basis,
        check.decides(.statement) ? "yes" : "no", check.verdict.rawValue,
      ]
    }
    let path = ClaimSection.tablePath(claim: result.id, table: "checks")
    return "**Checks.** The measured values are wall-clock times that change from run to run, "
      + "so they are kept off this page: see [`\(path)`](\(path)).\n\n"
      + MarkdownText.table(
        header: [
          "setting", "quantity", "kind", "comparison", "tolerance",
          "source of uncertainty and tolerance", "decides", "verdict",
        ],
        rows: rows) + "\n"
  }

  private func tablesPart(_ result: ClaimResult) -> String {
    guard !result.tables.isEmpty else { return "" }
    var text = "**Data.**\n\n"
    for table in result.tables {
      let path = ClaimSection.tablePath(claim: result.id, table: table.name)
      text += "- [`\(path)`](\(path)): \(table.caption)\n"
    }
    text += "\n"
    for table in result.tables where table.showOnPage {
      let rows = table.rows.map { $0.map { NumberFormat.pageCell($0) } }
      text += "*\(table.caption)*\n\n" + MarkdownText.table(header: table.header, rows: rows)
      text += "\n"
    }
    return text
  }

  private func figuresPart(_ result: ClaimResult) -> String {
    var text = ""
    for (number, figure) in result.figures.enumerated() {
      let path = ClaimSection.figurePath(claim: result.id, figure: figure.name)
      text += "![\(MarkdownText.cell(figure.caption))](../\(path))\n\n"
      text += "*Figure \(result.id).\(number + 1).* \(figure.caption)\n\n"
    }
    return text
  }
}
