import ArgumentParser
import Foundation
import PruneCore
import PruneReport
import PruneRuns
import PruneSweep

extension PruneLab {
  /// `prunelab sweep run`: measures one shard of a sweep.
  public struct SweepRun: ParsableCommand {
    public static let configuration = CommandConfiguration(
      commandName: "run",
      abstract: "Run one shard of a sweep (all of it by default).",
      discussion: """
        Points are every combination of the --vary settings (the last varies fastest), for \
        every rule, for every seed (seed k = --seed + k); shard i/n takes the points whose \
        index leaves remainder i - 1 modulo n. A setting is a rule option (`prunelab rules`) \
        or a signal option of `prunelab simulate` (noise, heavy-tail-nu, label-noise, \
        forgetting-rate, imbalance, ...); the options below fix the others. A rule option must \
        apply to every swept rule.

        Writes into --out (created if missing, shared by the shards): shard-<i>-of-<n>.csv, one \
        row per point (point, rule, seed_index, seed, the settings, saved_fraction, \
        final_expected_loss, full_data_final_expected_loss, excess_loss, difficulty_spearman, \
        mislabelled_iteration_ratio), and shard-<i>-of-<n>.json, its manifest. A whole-sweep \
        run (no --shard) also writes what `sweep merge` writes: sweep.csv, sweep-summary.csv \
        (means and standard deviations over seeds) and the figures. A point with seed S draws what `prunelab simulate --seed S` \
        with the same settings draws, so any row can be rerun alone.
        """)

    @OptionGroup(title: "Run (--out is shared by every shard of the sweep)")
    var common: RunOptions

    @Option(help: "Comma-separated rule names (full data runs at every point anyway).")
    var rules: String

    @Option(
      name: .customLong("vary"),
      help: ArgumentHelp("A varied setting, name=v1,v2,... (repeat for more axes).",
        valueName: "setting"))
    var axes: [String] = []

    @Option(help: "Seeds per point; seed k is --seed + k.")
    var seeds: Int = 3

    @Option(help: "Number of samples N.")
    var samples: Int = 2_000

    @Option(help: "Planned epochs E.")
    var epochs: Int = 40

    @Option(help: "The slice to run, i/n (1-based).")
    var shard: String = "1/1"

    @Option(help: "Points measured at once (threads).")
    var jobs: Int = 1

    @Flag(help: "Print progress on stderr (default: only on a terminal).")
    var progress = false

    @OptionGroup(title: "Fixed signal settings (those not varied)")
    var signals: SignalOptions

    public init() {}

    public func run() throws {
      try SweepShardRun.run(makeRequest(), conditions: conditions)
    }

    /// How a point's settings become configurations, over this command's signal options.
    var conditions: @Sendable (SweepPoint) throws -> SweepConditions {
      let resolver = SweepSettingsResolver(baseSignalArguments: signals.canonicalArguments)
      return { try resolver.conditions(for: $0) }
    }

    /// The typed request behind this command line.
    func makeRequest() throws -> SweepRequest {
      SweepRequest(
        rules: rules.split(separator: ",").map { String($0) },
        axes: try axes.map(SweepRequest.axis), seedCount: seeds, seed: common.seed,
        samples: samples, epochs: epochs, batchSize: common.batchSize ?? 64,
        shard: try SweepShard(parsing: shard), jobs: jobs, outputPath: common.out,
        reportsProgress: progress || ProgressReporter.isTerminal,
        signalSettings: signals.canonicalArguments.joined(separator: " "),
        commandLine: canonicalArguments)
    }

    /// The command line that regenerates this shard, every setting explicit.
    var canonicalArguments: [String] {
      var arguments = ["prunelab", "sweep", "run", "--rules", rules]
      for axis in axes { arguments += ["--vary", axis] }
      arguments += [
        "--seeds", "\(seeds)", "--seed", "\(common.seed)", "--samples", "\(samples)", "--epochs",
        "\(epochs)", "--batch-size", "\(common.batchSize ?? 64)", "--shard", shard, "--jobs",
        "\(jobs)", "--out", common.out,
      ]
      if progress { arguments.append("--progress") }
      return arguments + signals.canonicalArguments
    }
  }
}
