import ArgumentParser

extension PruneLab {
  /// `prunelab sweep`: stress sweeps of the rules under controlled noise, sharded.
  public struct Sweep: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Sweep rules over noise settings and seeds on the synthetic learner, in shards.",
      discussion: """
        A sweep runs every rule at every combination of the varied settings, for every seed, on \
        the synthetic learner (the signals of `prunelab simulate`), next to full data under the \
        same settings and seed. Each point measures the saved fraction and what the simulated \
        model paid for it: the excess expected loss over full data, how the rule spread its \
        iterations over difficulty, and how much it spent on mislabelled samples.

        `sweep run --shard i/n` runs one slice of the points and writes its own CSV, so a Slurm \
        array job or GNU parallel spreads a sweep over many machines; `sweep merge DIR` joins \
        the slices and checks that nothing is missing or doubled.

        Example, 4 shards on one machine:
          parallel prunelab sweep run --rules infobatch,repb,random \\
            --vary noise=0,0.5,1,2 --vary label-noise=0,0.2 --seeds 3 \\
            --shard {}/4 --out sweeps/noise ::: 1 2 3 4
          prunelab sweep merge sweeps/noise
        """,
      subcommands: [SweepRun.self, SweepMergeCommand.self])

    public init() {}
  }
}
