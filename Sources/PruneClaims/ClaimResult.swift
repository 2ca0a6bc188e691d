/// Everything a claim's computation found: checks with verdicts, tables, figures and the words
/// its page needs.
public struct ClaimResult: Sendable, Hashable {
  /// The claim's id (`IB-1`).
  public let id: String
  /// The family (and page) it belongs to.
  public let family: ClaimFamily
  /// A short title ("Unbiased expectation with rescaling").
  public let title: String
  /// The paper's statement, in our words.
  public let statement: String
  /// The paper's equation(s), as plain text or LaTeX-free math.
  public let equation: String
  /// The setting: generator parameters, seeds, sizes, as name-value pairs in display order.
  public let setting: [(String, String)]
  /// The comparisons made.
  public let checks: [ClaimCheck]
  /// Raw measurements.
  public let tables: [ClaimTable]
  /// Figures.
  public let figures: [ClaimFigure]
  /// What the numbers mean: why a check fails, which assumption broke, caveats.
  public let discussion: String
  /// Why the claim cannot be decided here, when it has no deciding evidence check
  /// (e.g. "the statement is a definition; every check is an identity").
  public let notTestableReason: String
  /// The question our model answers ("Does a noise model of the batch-mean composition predict
  /// the measured rank correlation?"); empty for a claim without model checks.
  public let modelQuestion: String
  /// Whether every training run the page needs was stored (``MissingRuns``); `complete` for a
  /// claim computed on the spot. The index and `verdicts.csv` show it beside the verdict.
  public let completeness: PageCompleteness

  public init(
    id: String, family: ClaimFamily, title: String, statement: String, equation: String,
    setting: [(String, String)], checks: [ClaimCheck], tables: [ClaimTable] = [],
    figures: [ClaimFigure] = [], discussion: String = "", notTestableReason: String = "",
    modelQuestion: String = "", completeness: PageCompleteness = .complete
  ) {
    self.id = id
    self.family = family
    self.title = title
    self.statement = statement
    self.equation = equation
    self.setting = setting
    self.checks = checks
    self.tables = tables
    self.figures = figures
    self.discussion = discussion
    self.notTestableReason = notTestableReason
    self.modelQuestion = modelQuestion
    self.completeness = completeness
  }

  /// A result of `claim`, whose id, family and title it takes (so a claim states them once).
  public init(
    claim: any Claim, statement: String, equation: String, setting: [(String, String)],
    checks: [ClaimCheck], tables: [ClaimTable] = [], figures: [ClaimFigure] = [],
    discussion: String = "", notTestableReason: String = "", modelQuestion: String = ""
  ) {
    self.init(
      id: claim.id, family: claim.family, title: claim.title, statement: statement,
      equation: equation, setting: setting, checks: checks, tables: tables, figures: figures,
      discussion: discussion, notTestableReason: notTestableReason, modelQuestion: modelQuestion)
  }

  /// The verdict on the paper's statement, decided by its evidence checks only.
  ///
  /// Sanity checks never decide; checks with `expectedToHold == false` show where an assumption
  /// breaks and are reported but do not decide (a failure there is the expected result, not the
  /// claim's); model checks answer ``modelAnswer``. Without any deciding check the verdict is
  /// ``Verdict/notTestable`` and ``notTestableReason`` says why.
  public var verdict: Verdict {
    Verdict.combined(decidingChecks.map(\.verdict))
  }

  /// The evidence checks that decide the paper's statement.
  public var decidingChecks: [ClaimCheck] { checks.filter { $0.decides(.statement) } }

  /// The evidence checks that decide our model's answer.
  public var modelChecks: [ClaimCheck] { checks.filter { $0.decides(.model) } }

  /// The sanity checks (true by construction).
  public var sanityChecks: [ClaimCheck] { checks.filter { $0.kind == .sanity } }

  /// Our model's answer (agrees / disagrees / undecided); nil for a claim without model checks.
  public var modelAnswer: ModelAnswer? { ModelAnswer(modelChecks.map(\.verdict)) }

  public static func == (lhs: ClaimResult, rhs: ClaimResult) -> Bool {
    lhs.id == rhs.id && lhs.checks == rhs.checks && lhs.tables == rhs.tables
      && lhs.figures == rhs.figures && lhs.discussion == rhs.discussion
      && lhs.notTestableReason == rhs.notTestableReason && lhs.modelQuestion == rhs.modelQuestion
      && lhs.completeness == rhs.completeness
      && lhs.setting.map(\.0) == rhs.setting.map(\.0)
      && lhs.setting.map(\.1) == rhs.setting.map(\.1)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(checks)
  }
}
