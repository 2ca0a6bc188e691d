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
      text += "**Verdict: inconclusive** (the computation failed: \(reason))\n\n"
      text += regenerate
      return text
    case .finished(let result):
      text += verdictLine(result)
      text += "**Statement.** \(result.statement)\n\n"
      text += "**Equation.**\n\n```\n\(result.equation)\n```\n\n"
      text += "**Setting.** Profile `\(profile.rawValue)`, seed \(seed).\n\n"
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

  private var regenerate: String {
    "**Regenerate.** `\(command)` (or `scripts/reproduce --only \(outcome.id)`, which builds "
      + "in release first).\n\n"
  }

  private func verdictLine(_ result: ClaimResult) -> String {
    let decisive = result.checks.filter(\.expectedToHold)
    let breaks = result.checks.count - decisive.count
    let counts = Verdict.allCases.map { verdict in
      "\(decisive.filter { $0.verdict == verdict }.count) \(verdict.rawValue)"
    }
    var line = "**Verdict: \(result.verdict.rawValue)** (checks the paper expects to hold: "
      + counts.joined(separator: ", ")
    if breaks > 0 {
      line += "; plus \(breaks) assumption-break check\(breaks == 1 ? "" : "s") that do not "
        + "decide the verdict"
    }
    return line + ")\n\n"
  }

  private func checksTable(_ result: ClaimResult) -> String {
    if isTimingBased { return timingChecksTable(result) }
    let rows = result.checks.map { check -> [String] in
      [
        check.setting, check.quantity, PageNumber.format(check.measured),
        check.comparison.symbol + " " + PageNumber.format(check.predicted),
        PageNumber.format(check.difference), PageNumber.format(check.uncertainty),
        PageNumber.format(check.tolerance), check.expectedToHold ? "yes" : "no (assumption broken)",
        check.verdict.rawValue,
      ]
    }
    return "**Checks.** A check holds when the gap to the prediction is within the tolerance, "
      + "fails when it exceeds the tolerance by more than \(PageNumber.format(Comparison.confidenceMultiplier)) "
      + "uncertainties, and is inconclusive otherwise.\n\n"
      + MarkdownText.table(
        header: [
          "setting", "quantity", "measured", "predicted", "difference", "uncertainty",
          "tolerance", "expected to hold", "verdict",
        ], rows: rows) + "\n"
  }

  private func timingChecksTable(_ result: ClaimResult) -> String {
    let rows = result.checks.map { check -> [String] in
      [
        check.setting, check.quantity, check.comparison.symbol,
        PageNumber.format(check.tolerance), check.expectedToHold ? "yes" : "no (assumption broken)",
        check.verdict.rawValue,
      ]
    }
    let path = ClaimSection.tablePath(claim: result.id, table: "checks")
    return "**Checks.** The measured values are wall-clock times that change from run to run, "
      + "so they are kept off this page: see [`\(path)`](\(path)).\n\n"
      + MarkdownText.table(
        header: ["setting", "quantity", "comparison", "tolerance", "expected to hold", "verdict"],
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
      text += "*\(table.caption)*\n\n" + MarkdownText.table(header: table.header, rows: table.rows)
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
