import ArgumentParser

/// The `prunelab` command: a thin layer that parses, validates and calls the library.
public struct PruneLab: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "prunelab",
    abstract: "Dynamic data pruning: simulate rules, replay logs, reproduce claims, train a CNN.",
    version: PruneLabVersion.current,
    subcommands: [Reproduce.self, Claims.self]
  )
  public init() {}
}

/// The tool's version, written into every manifest.
public enum PruneLabVersion {
  public static let current = "0.1.0"
}
