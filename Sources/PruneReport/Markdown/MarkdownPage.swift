import Foundation

/// A Markdown notebook page (`notebooks-md/<family>.md`), built block by block.
///
/// Blocks are separated by one blank line and the page ends with one line break, so the same
/// calls give the same bytes. Paragraph text is inline Markdown and is not escaped; use
/// ``MarkdownPage/escaped(_:)`` for text that must appear literally.
///
/// ```swift
/// var page = MarkdownPage(title: "InfoBatch")
/// page.heading("IB-1 Unbiased expectation with rescaling")
/// page.paragraph("Verdict: " + MarkdownPage.verdictBadge("holds"))
/// page.code("prunelab reproduce --only IB-1", language: "sh")
/// page.image(path: "../figures/IB-1-bias.svg", alt: "Relative bias against r")
/// try page.write(to: notebooks, as: "infobatch.md")
/// ```
public struct MarkdownPage: Sendable, Hashable {
  /// The blocks in order, each without its trailing blank line.
  public private(set) var blocks: [String]

  /// An empty page, or one that starts with a level-1 heading `title`.
  public init(title: String? = nil) {
    blocks = []
    if let title { heading(title, level: 1) }
  }

  /// Appends a heading; `level` is clamped to 1...6 and line breaks become spaces.
  public mutating func heading(_ text: String, level: Int = 2) {
    let hashes = String(repeating: "#", count: min(6, max(1, level)))
    blocks.append(hashes + " " + MarkdownPage.singleLine(text))
  }

  /// Appends a paragraph of inline Markdown.
  public mutating func paragraph(_ text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return }
    blocks.append(trimmed)
  }

  /// Appends a bulleted list, one item per element.
  public mutating func bulletList(_ items: [String]) {
    guard !items.isEmpty else { return }
    blocks.append(items.map { "- " + MarkdownPage.singleLine($0) }.joined(separator: "\n"))
  }

  /// Appends a table.
  public mutating func table(_ table: MarkdownTable) {
    var text = table.markdown
    text.removeLast()
    blocks.append(text)
  }

  /// Appends a fenced code block, e.g. the command that regenerates the page.
  ///
  /// The fence is one backtick longer than the longest run of backticks in `code`, so the
  /// block cannot end early.
  public mutating func code(_ code: String, language: String = "") {
    var longest = 0
    var run = 0
    for character in code {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    var body = code
    while body.hasSuffix("\n") { body.removeLast() }
    blocks.append(fence + language + "\n" + body + "\n" + fence)
  }

  /// Appends an image with a relative link (e.g. `../figures/x.svg` from `notebooks-md/`), and
  /// an italic caption under it when one is given.
  public mutating func image(path: String, alt: String, caption: String? = nil) {
    var text =
      "![" + MarkdownPage.escapedBrackets(alt) + "](" + MarkdownPage.linkTarget(path)
      + ")"
    if let caption, !caption.isEmpty {
      text += "\n\n*" + MarkdownPage.singleLine(caption) + "*"
    }
    blocks.append(text)
  }

  /// Appends Markdown exactly as given (trailing line breaks dropped).
  public mutating func raw(_ markdown: String) {
    var text = markdown
    while text.hasSuffix("\n") { text.removeLast() }
    guard !text.isEmpty else { return }
    blocks.append(text)
  }

  /// The page's source.
  public var markdown: String {
    blocks.joined(separator: "\n\n") + "\n"
  }

  /// Writes the page atomically into `folder`.
  @discardableResult
  public func write(to folder: OutputFolder, as name: String) throws -> URL {
    try folder.write(markdown, to: name)
  }
}

extension MarkdownPage {
  /// A verdict as a bold badge: `**holds**`, `**fails**`, `**inconclusive**`.
  public static func verdictBadge(_ verdict: String) -> String {
    "**" + escaped(verdict) + "**"
  }

  /// An inline link `[text](target)`.
  public static func link(_ text: String, to target: String) -> String {
    "[" + escapedBrackets(text) + "](" + linkTarget(target) + ")"
  }

  /// An inline code span that survives backticks inside `text`.
  public static func inlineCode(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let ticks = String(repeating: "`", count: longest + 1)
    let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
    return ticks + pad + text + pad + ticks
  }

  /// `text` with Markdown's punctuation escaped, so it shows literally.
  public static func escaped(_ text: String) -> String {
    let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#"]
    var output = ""
    for character in text {
      if special.contains(character) { output.append("\\") }
      output.append(character)
    }
    return output
  }

  static func escapedBrackets(_ text: String) -> String {
    var output = ""
    for character in singleLine(text) {
      if character == "[" || character == "]" || character == "\\" { output.append("\\") }
      output.append(character)
    }
    return output
  }

  /// A link target; wrapped in `<...>` when it holds spaces or parentheses.
  static func linkTarget(_ path: String) -> String {
    let needsBrackets = path.contains { $0 == " " || $0 == "(" || $0 == ")" }
    return needsBrackets ? "<" + path + ">" : path
  }

  static func singleLine(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
  }
}
