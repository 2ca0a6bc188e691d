import ArgumentParser

/// The options every run command (`simulate`, `train`, `sweep run`) shares.
struct RunOptions: ParsableArguments {
  @Option(
    help: """
      Seed of the run's draws: the rule's, and the signals' or the network's, derived from it \
      (sweep run: the first seed).
      """)
  var seed: UInt64 = 0

  @Option(help: "Output folder (created if missing).")
  var out: String

  @Option(
    help: ArgumentHelp(
      "Batch size B; the last batch of an epoch may be partial (default 128; sweep run: 64).",
      valueName: "batch-size"))
  var batchSize: Int?
}
