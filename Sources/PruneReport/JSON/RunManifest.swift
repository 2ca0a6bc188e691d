import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What produced an output folder: `manifest.json` (ARCHITECTURE.md, "Formats").
///
/// Holds the tool and its version, the command line, the seed, the parameters and the files
/// written. A timestamp is opt-in: outputs that must be byte-identical across runs (the committed
/// notebooks and figures) must leave ``createdAt`` `nil`.
///
/// ```swift
/// let manifest = RunManifest(
///   toolVersion: "0.1.0", arguments: CommandLine.arguments, seed: 42,
///   parameters: ["pruneRatio": 0.5, "profile": "quick"], outputs: ["bias.csv"])
/// try out.write(manifest.jsonText, to: "manifest.json")
/// ```
public struct RunManifest: Sendable, Hashable {
  /// The tool's name, `prunelab` unless a benchmark or test writes the folder.
  public var tool: String
  /// The tool's version.
  public var toolVersion: String
  /// The command line as separate arguments, the program name first.
  public var arguments: [String]
  /// The run's master seed, when it has one.
  public var seed: UInt64?
  /// Every parameter that decides the output (configuration values, profile, sizes).
  public var parameters: [String: JSONValue]
  /// The files the run wrote, relative to the folder; written sorted.
  public var outputs: [String]
  /// When the run happened (UTC). Opt-in: leave `nil` for byte-identical outputs.
  public var createdAt: Date?

  public init(
    tool: String = "prunelab", toolVersion: String, arguments: [String], seed: UInt64? = nil,
    parameters: [String: JSONValue] = [:], outputs: [String] = [], createdAt: Date? = nil
  ) {
    self.tool = tool
    self.toolVersion = toolVersion
    self.arguments = arguments
    self.seed = seed
    self.parameters = parameters
    self.outputs = outputs
    self.createdAt = createdAt
  }

  /// The command line as one shell-quoted string that can be pasted to rerun the command.
  public var command: String {
    ShellCommand.quoted(arguments)
  }

  /// The manifest as a JSON value (keys: `tool`, `toolVersion`, `command`, `arguments`, `seed`,
  /// `parameters`, `outputs`, and `createdAt` only when set).
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "tool": .string(tool),
      "toolVersion": .string(toolVersion),
      "command": .string(command),
      "arguments": .array(arguments.map(JSONValue.string)),
      "seed": seed.map(JSONValue.init) ?? .null,
      "parameters": .object(parameters),
      "outputs": .array(outputs.sorted().map(JSONValue.string)),
    ]
    if let createdAt {
      members["createdAt"] = .string(RunManifest.utcTimestamp(createdAt))
    }
    return .object(members)
  }

  /// The pretty, deterministic JSON text of ``json``.
  public var jsonText: String {
    json.serialized(pretty: true)
  }

  /// Writes `manifest.json` into `folder`, atomically.
  @discardableResult
  public func write(to folder: OutputFolder, as name: String = "manifest.json") throws -> URL {
    try folder.write(jsonText, to: name)
  }

  /// `date` as ISO 8601 in UTC to the second, e.g. `2026-11-23T15:45:36Z`.
  public static func utcTimestamp(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    _ = gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }
}
