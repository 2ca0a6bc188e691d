import Foundation
import Testing

@testable import PruneReport

@Suite struct JSONValueTests {
  @Test func prettyOutputSortsKeysAndKeepsScalarArraysOnOneLine() {
    let value: JSONValue = [
      "zeta": 1, "alpha": [0.1, 2.5, nil], "nested": ["b": true, "a": "x"], "list": [["k": 1]],
      "empty": [:], "none": [],
    ]
    #expect(
      value.serialized() == """
        {
          "alpha": [0.1, 2.5, null],
          "empty": {},
          "list": [
            {
              "k": 1
            }
          ],
          "nested": {
            "a": "x",
            "b": true
          },
          "none": [],
          "zeta": 1
        }

        """)
    #expect(
      value.serialized(pretty: false)
        == #"{"alpha":[0.1,2.5,null],"empty":{},"list":[{"k":1}],"nested":{"a":"x","b":true},"#
        + #""none":[],"zeta":1}"#)
  }

  @Test func sameValueSameBytesWhateverTheInsertionOrder() {
    var first: [String: JSONValue] = [:]
    var second: [String: JSONValue] = [:]
    let keys = (0..<50).map { "key\($0)" }
    for key in keys { first[key] = .number(Double(key.count) / 7) }
    for key in keys.reversed() { second[key] = .number(Double(key.count) / 7) }
    #expect(JSONValue.object(first).serialized() == JSONValue.object(second).serialized())
  }

  @Test(arguments: [
    ("quote\"", #""quote\"""#), ("back\\slash", #""back\\slash""#), ("tab\tnl\n", #""tab\tnl\n""#),
    ("\u{01}\u{1F}", #""\u0001\u001f""#), ("ünï ✓", "\"ünï ✓\""), ("cr\r", #""cr\r""#),
  ])
  func stringsAreEscaped(text: String, expected: String) {
    #expect(JSONValue.quoted(text) == expected)
  }

  @Test(arguments: [
    (0.1, "0.1"), (1.0, "1.0"), (1e-7, "1e-07"), (1e21, "1e+21"), (.nan, "null"),
    (-.infinity, "null"),
  ])
  func numbersUseShortestRoundTripForm(value: Double, expected: String) {
    #expect(JSONValue.number(value).serialized(pretty: false) == expected)
  }

  @Test func writtenTextParsesBackToTheSameValue() throws {
    let value: JSONValue = [
      "a": [1, 2.5, "s\"q", true, nil], "seed": JSONValue(UInt64.max), "neg": -3,
      "tiny": .number(.leastNonzeroMagnitude),
    ]
    let parsed = try JSONValue(parsing: value.serialized())
    #expect(parsed == value)
    #expect(parsed["seed"] == .unsignedInteger(UInt64.max))
    #expect(parsed["tiny"]?.doubleValue == .leastNonzeroMagnitude)
  }

  @Test func encodableValuesConvert() throws {
    struct Setting: Encodable {
      let pruneRatio: Double
      let name: String
      let epochs: Int
    }
    let value = try JSONValue(encoding: Setting(pruneRatio: 0.5, name: "ib", epochs: 3))
    #expect(value == ["pruneRatio": 0.5, "name": "ib", "epochs": 3])
  }

  @Test func badTextIsAClearError() {
    #expect(throws: PruneReportError.self) { try JSONValue(parsing: "{\"a\": }") }
  }
}

@Suite struct RunManifestTests {
  @Test func manifestWithoutTimestampIsByteIdenticalAndComplete() throws {
    let make = {
      RunManifest(
        toolVersion: "0.1.0", arguments: ["prunelab", "reproduce", "--only", "IB-1 IB-2"],
        seed: 42, parameters: ["pruneRatio": 0.5, "profile": "quick"],
        outputs: ["z.csv", "a.svg"])
    }
    #expect(make().jsonText == make().jsonText)
    #expect(
      make().jsonText == """
        {
          "arguments": ["prunelab", "reproduce", "--only", "IB-1 IB-2"],
          "command": "prunelab reproduce --only 'IB-1 IB-2'",
          "outputs": ["a.svg", "z.csv"],
          "parameters": {
            "profile": "quick",
            "pruneRatio": 0.5
          },
          "seed": 42,
          "tool": "prunelab",
          "toolVersion": "0.1.0"
        }

        """)
    #expect(!make().jsonText.contains("createdAt"))
  }

  @Test func timestampIsOptInAndUTC() {
    let manifest = RunManifest(
      toolVersion: "1", arguments: ["x"], createdAt: Date(timeIntervalSince1970: 1_795_448_736))
    #expect(manifest.json["createdAt"] == "2026-11-23T15:45:36Z")
  }

  @Test(arguments: [
    (["a", "b-c", "x=1"], "a b-c x=1"), (["it's"], #"'it'\''s'"#), ([""], "''"),
    (["$HOME", "a b"], "'$HOME' 'a b'"),
  ])
  func shellQuoting(arguments: [String], expected: String) {
    #expect(ShellCommand.quoted(arguments) == expected)
  }
}
