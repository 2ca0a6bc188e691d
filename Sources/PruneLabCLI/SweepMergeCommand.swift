import ArgumentParser
import Foundation
import PruneReport
import PruneSweep

extension PruneLab {
  /// `prunelab sweep merge DIR`: joins the shards of a sweep.
  public struct SweepMergeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Join the shards of a sweep into sweep.csv and sweep-summary.csv.",
      discussion: """
        Reads every shard-<i>-of-<n>.csv with its .json manifest in DIR, checks that they are \
        all n shards of one sweep with every point exactly once, and writes sweep.csv (points \
        in order; the same bytes as running the sweep unsharded), sweep-summary.csv (per rule \
        and setting: mean and standard deviation over seeds) and, when the first varied \
        setting is numeric, sweep-excess-loss.svg and sweep-saved-fraction.svg (the mean \
        against that setting, ± one standard deviation).
        """)

    @Argument(help: "The folder the shards wrote into.")
    var folder: String

    public init() {}

    public func run() throws {
      try SweepMerge.mergeFolder(folder)
    }
  }
}
