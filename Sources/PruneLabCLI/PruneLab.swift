import ArgumentParser
import PruneRuns

/// The `prunelab` command: a thin layer that parses, validates and calls the library.
public struct PruneLab: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "prunelab",
    abstract: "Dynamic data pruning: simulate rules, replay logs, reproduce claims, train a CNN.",
    discussion: """
      Exit statuses (sysexits.h): 0 success, 64 bad usage or parameter (e.g. --shard 3/2), 65 bad \
      input data (a malformed or inconsistent log; a corrupt, truncated or mismatched run file; \
      a stored run that does not retrain bit for bit), 66 an input file that cannot be read, 70 an internal \
      error, 73 an output that cannot be written, 1 anything else.
      """,
    version: PruneLabVersion.current,
    // One entry per subcommand; each lives in its own file as `extension PruneLab`.
    subcommands: [
      Rules.self,
      Simulate.self,
      Train.self,
      Reproduce.self,
      Store.self,
      Claims.self,
      Sweep.self,
      Calibrate.self,
    ]
  )
  public init() {}
}
