import Foundation
import Testing

@testable import PruneReport

@Suite struct MarkdownTableTests {
  @Test func pipesAreEscapedAndColumnsAligned() throws {
    let table = try MarkdownTable(
      header: ["claim", "value"], alignments: [.left, .right],
      rows: [["a|b", "1.5"], ["line\nbreak", "**holds**"]])
    #expect(
      table.markdown == """
        | claim         |     value |
        | :------------ | --------: |
        | a\\|b          |       1.5 |
        | line<br>break | **holds** |

        """)
  }

  @Test(arguments: [
    ("x | y", "x \\| y"), ("already \\| escaped", "already \\| escaped"), ("  pad  ", "pad"),
    ("a\r\nb", "a<br>b"),
  ])
  func cellEscaping(text: String, expected: String) {
    #expect(MarkdownTable.escapedCell(text) == expected)
  }

  @Test func centerAlignmentRule() throws {
    let table = try MarkdownTable(header: ["c"], alignments: [.center], rows: [["x"]])
    #expect(table.markdown == "| c   |\n| :-: |\n| x   |\n")
  }

  @Test func wrongShapesAreRefused() throws {
    #expect(throws: PruneReportError.self) { try MarkdownTable(header: []) }
    #expect(throws: PruneReportError.self) {
      try MarkdownTable(header: ["a", "b"], alignments: [.left])
    }
    #expect(throws: PruneReportError.self) { try MarkdownTable(header: ["a"], rows: [["1", "2"]]) }
  }

  @Test func fromCSVTableRightAlignsNumbersAndRounds() throws {
    var csv = try CSVTable(columns: ["rule", "bias"])
    try csv.append(["rescaled", .number(2.0 / 3.0)])
    try csv.append(["hard", .number(0.125)])
    try csv.append(["random", .number(1e-6)])
    let table = try MarkdownTable(csv, digits: 3, maxRows: 2)
    #expect(table.alignments == [.left, .right])
    #expect(table.rows == [["rescaled", "0.667"], ["hard", "0.125"]])
  }
}

@Suite struct MarkdownPageTests {
  @Test func pageBlocksAreSeparatedByBlankLines() throws {
    var page = MarkdownPage(title: "InfoBatch")
    page.heading("IB-1 Unbiased expectation")
    page.paragraph("Verdict: " + MarkdownPage.verdictBadge("holds"))
    page.code("prunelab reproduce --only IB-1", language: "sh")
    page.image(path: "../figures/IB-1 bias.svg", alt: "bias [r]", caption: "Bias against r.")
    page.bulletList(["one", "two"])
    #expect(
      page.markdown == """
        # InfoBatch

        ## IB-1 Unbiased expectation

        Verdict: **holds**

        ```sh
        prunelab reproduce --only IB-1
        ```

        ![bias \\[r\\]](<../figures/IB-1 bias.svg>)

        *Bias against r.*

        - one
        - two

        """)
  }

  @Test func codeFenceOutgrowsBackticksInside() {
    var page = MarkdownPage()
    page.code("echo ```", language: "")
    #expect(page.markdown == "````\necho ```\n````\n")
  }

  @Test func escapingAndInlineHelpers() {
    #expect(MarkdownPage.escaped("a*b_c|d") == "a\\*b\\_c\\|d")
    #expect(MarkdownPage.inlineCode("x`y") == "``x`y``")
    #expect(MarkdownPage.link("IB-1", to: "infobatch.md#ib-1") == "[IB-1](infobatch.md#ib-1)")
  }

  @Test func writesAtomically() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    var page = MarkdownPage(title: "T")
    page.paragraph("p")
    let file = try page.write(to: try OutputFolder(scratch), as: "notebooks-md/t.md")
    #expect(try String(contentsOf: file, encoding: .utf8) == "# T\n\np\n")
  }
}

@Suite struct NumberFormatTests {
  @Test(arguments: [
    (0.6000000000000001, 1, "0.6"), (-0.04, 1, "0.0"), (2.5, 0, "3"), (-2.5, 0, "-3"),
    (0.05, 2, "0.05"), (1234.5678, 2, "1234.57"), (-0.001, 3, "-0.001"),
  ])
  func fixedDecimals(value: Double, decimals: Int, expected: String) {
    #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
  }

  @Test(arguments: [
    (2.0 / 3.0, 3, "0.667"), (0.0, 3, "0"), (9.996, 3, "10"), (1e-5, 3, "1e-05"),
    (123456789.0, 3, "1.23e+08"), (0.001, 2, "0.001"), (999999.0, 3, "1e+06"), (-1.5, 2, "-1.5"),
    (Double.nan, 3, "NaN"),
  ])
  func significantDigits(value: Double, digits: Int, expected: String) {
    #expect(NumberFormat.significant(value, digits: digits) == expected)
  }
}
