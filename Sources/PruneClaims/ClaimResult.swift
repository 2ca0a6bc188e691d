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

  public init(
    id: String, family: ClaimFamily, title: String, statement: String, equation: String,
    setting: [(String, String)], checks: [ClaimCheck], tables: [ClaimTable] = [],
    figures: [ClaimFigure] = [], discussion: String = ""
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
  }

  /// The claim's verdict over the checks the paper expects to hold.
  ///
  /// Checks with `expectedToHold == false` show where an assumption breaks; they are reported
  /// but do not decide the claim (a failure there is the expected result, not the claim's).
  public var verdict: Verdict {
    Verdict.combined(checks.filter(\.expectedToHold).map(\.verdict))
  }

  public static func == (lhs: ClaimResult, rhs: ClaimResult) -> Bool {
    lhs.id == rhs.id && lhs.checks == rhs.checks && lhs.tables == rhs.tables
      && lhs.figures == rhs.figures && lhs.discussion == rhs.discussion
      && lhs.setting.map(\.0) == rhs.setting.map(\.0)
      && lhs.setting.map(\.1) == rhs.setting.map(\.1)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(checks)
  }
}
