import Foundation
import Testing

@testable import PruneReport

@Suite struct CSVTableTests {
  @Test func headerFirstThenRowsWithDeterministicNumbers() throws {
    var table = try CSVTable(columns: ["rule", "r", "bias", "epochs", "ok"])
    try table.append(["rescaled", 0.5, .number(1e-5), 10, true])
    try table.append(["hard", 0.1, .number(-0.0), .integer(-3), nil])
    #expect(
      table.csvText == """
        rule,r,bias,epochs,ok
        rescaled,0.5,1e-05,10,true
        hard,0.1,-0.0,-3,

        """)
  }

  @Test(arguments: [
    (0.1, "0.1"), (1.0, "1.0"), (1e-5, "1e-05"), (123456789.125, "123456789.125"),
    (1e16, "1e+16"), (Double.nan, "NaN"), (Double.infinity, "Inf"), (-Double.infinity, "-Inf"),
    (2.0 / 3.0, "0.6666666666666666"),
  ])
  func numbersPrintInOneFixedForm(value: Double, expected: String) {
    #expect(CSVValue.number(value).field == expected)
  }

  @Test func numbersReadBackToTheSameDouble() {
    var generator = SplitMix64Stream(seed: 11)
    for _ in 0..<2000 {
      let bits = generator.next()
      let value = Double(bitPattern: bits)
      guard value.isFinite else { continue }
      let text = CSVValue.number(value).text
      #expect(Double(text)?.bitPattern == value.bitPattern, "\(text)")
    }
    #expect(Double(CSVValue.number(.nan).text)?.isNaN == true)
    #expect(Double(CSVValue.number(-.infinity).text) == -.infinity)
  }

  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""), ("crlf\r\nend", "\"crlf\r\nend\""), (" pad", "\" pad\""),
    ("", ""),
  ])
  func stringsAreQuotedOnlyWhenNeeded(text: String, expected: String) {
    #expect(CSVValue.string(text).field == expected)
  }

  @Test func quotedTableParsesBackToTheSameStrings() throws {
    var table = try CSVTable(columns: ["name, full", "note"])
    try table.append(["a \"quoted\" name", "line1\nline2"])
    try table.append(["x", "y,z"])
    let records = try CSVParser.records(in: table.csvText)
    #expect(
      records == [
        ["name, full", "note"], ["a \"quoted\" name", "line1\nline2"], ["x", "y,z"],
      ])
  }

  @Test func parserAcceptsCRLFAndEmptyFields() throws {
    #expect(try CSVParser.records(in: "a,b\r\n1,\r\n,2") == [["a", "b"], ["1", ""], ["", "2"]])
  }

  @Test(arguments: ["a,\"unclosed\n", "\"x\"y,1\n"])
  func parserRejectsMalformedText(text: String) {
    #expect(throws: PruneReportError.self) { try CSVParser.records(in: text) }
  }

  @Test func rowOfWrongLengthIsRefusedAndTableUnchanged() throws {
    var table = try CSVTable(columns: ["a", "b"], name: "demo")
    try table.append([1, 2])
    let error = try #require(throws: PruneReportError.self) { try table.append([1]) }
    #expect(error == .rowLengthMismatch(table: "demo", row: 2, expected: 2, found: 1))
    #expect(error.description.contains("demo"))
    #expect(table.rows.count == 1)
  }

  @Test(arguments: [[String](), ["a", "b", "a"]])
  func badHeadersAreRefused(columns: [String]) {
    #expect(throws: PruneReportError.self) { try CSVTable(columns: columns) }
  }

  @Test func columnAccessAndAtomicWrite() throws {
    var table = try CSVTable(columns: ["x", "y"])
    try table.append(contentsOf: [[1, 0.5], [2, 0.25]])
    #expect(table.column("y") == [.number(0.5), .number(0.25)])
    #expect(table.column("z") == nil)
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = try table.write(to: try OutputFolder(scratch), as: "t.csv")
    #expect(try String(contentsOf: file, encoding: .utf8) == "x,y\n1,0.5\n2,0.25\n")
  }
}

/// SplitMix64 (Steele et al. 2014), local so the tests draw reproducible bit patterns.
struct SplitMix64Stream {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
