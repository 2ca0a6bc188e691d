import ArgumentParser
import PruneCore
import PruneRuns
import PruneSignals

extension PruneLab {
  /// `prunelab simulate`: runs one rule on synthetic signals or on a replayed log.
  public struct Simulate: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Run a pruning rule on synthetic signals or a replayed training log.",
      discussion: """
        Each epoch the rule plans which samples to train and with which loss weights; the \
        signals of every batch (per-sample losses, the batch mean loss, the activation \
        statistic) are measured before that batch's update and reported to the rule.

        Signals: by default a simulated learner (per-sample losses falling with each weighted \
        visit, with the noise, label-noise, forgetting and class knobs below) and a per-batch \
        activation-stability curve for B-PAS, both seeded from --seed. With --losses FILE \
        (epoch,sample,loss[,label]) and/or --activations FILE (epoch,batch,xbar) the logged \
        values are replayed instead: then the number of samples and of epochs come from the \
        log (omit --samples and --epochs; with --activations alone pass --samples). The loss \
        log is read one epoch at a time (memory for one epoch); it may be a CSV as pandas \
        writes it (columns by name in any order, other columns ignored, rows epoch by epoch), \
        a NumPy .npy file of shape (E, N), or a folder of .npy files of shape (N,), one per epoch.

        A log of a pruned run (`prunelab train --rule infobatch --log-losses`) lists only what \
        the run trained. --missing reject (the default) refuses it, naming the first gap; \
        --missing carry-forward fills each gap with that sample's (or batch's) latest earlier \
        logged value, the value the run itself last saw, and prints how many values it \
        filled. Replaying a pruned log through the rule that wrote it, with its seed, gives \
        that run's plans again; through another rule it is an approximation wherever the other \
        rule trains a sample the run skipped. If the run may never have trained the last \
        samples (static random, hard pruning), pass its --samples.

        Rule options follow the rule name as --option value; `prunelab rules` lists them with \
        defaults and ranges (\(RuleCatalog.ruleNames.joined(separator: ", "))). Booleans may be \
        written alone (--rescale) or negated (--no-rescale).

        Writes into --out: epochs.csv (one row per epoch, 0-based; saved_fraction is that \
        epoch's 1 - trained/N, cumulative_saved_fraction the share saved so far), \
        summary.json (saved_fraction = 1 - sample-iterations trained / (N x planned epochs); \
        dsi for bpas, null otherwise), samples.csv (per sample: times trained, last loss), \
        manifest.json (version, command, seed, every parameter), and with --write-loss-log / \
        --write-activation-log the generated logs (losses.csv, activations.csv) for replay. \
        Every file appears complete or not at all; on an error nothing is written. The same \
        arguments give the same bytes.

        Examples:
          prunelab simulate --rule infobatch --score bls --samples 50000 \\
            --epochs 200 --seed 1 --write-loss-log --out runs/ib
          prunelab simulate --rule infobatch --losses runs/ib/losses.csv \\
            --out runs/replay
          prunelab simulate --rule repb --losses train-run/losses.csv \\
            --missing carry-forward --out runs/repb-replay
          prunelab simulate --rule bpas --delta-end 1e-4 --out runs/bpas
        """)

    @Option(help: "The rule: \(RuleCatalog.ruleNames.joined(separator: ", ")).")
    var rule: String

    @Option(help: "Number of samples N (default 10000; replay: from the loss log).")
    var samples: Int?

    @Option(help: "Number of planned epochs E (default 200; replay: from the log).")
    var epochs: Int?

    @OptionGroup(title: "Run")
    var common: RunOptions

    @Option(
      help: "Replay this loss log (CSV epoch,sample,loss[,label]; .npy (E, N); or a folder of .npy (N,) per epoch) instead of the learner.")
    var losses: String?

    @Option(help: "Replay this activation log (epoch,batch,xbar).")
    var activations: String?

    @Option(
      help: ArgumentHelp(
        "What to do with pairs a replayed log lacks (a pruned run's log): reject or "
          + "carry-forward.", valueName: "policy"))
    var missing: MissingLogEntries = .reject

    @Flag(help: "Also write the loss of every sample in every epoch to losses.csv.")
    var writeLossLog = false

    @Flag(help: "Also write every batch's activation statistic to activations.csv.")
    var writeActivationLog = false

    @Flag(help: "Do not write samples.csv.")
    var noSampleOutcomes = false

    @Flag(help: "Print one progress line per epoch on stderr (default: only on a terminal).")
    var progress = false

    @OptionGroup(title: "Synthetic signals (ignored when replaying)")
    var signals: SignalOptions

    @Argument(
      parsing: .allUnrecognized,
      help: ArgumentHelp("Rule options, e.g. --prune-ratio 0.3 (see `prunelab rules`).",
        valueName: "rule-options"))
    var ruleArguments: [String] = []

    public init() {}

    public func validate() throws {
      do {
        try makeRequest().validate()
      } catch {
        throw ValidationError("\(error)")
      }
    }

    public func run() throws {
      try SimulationRun.run(makeRequest())
    }

    /// The typed request behind this command line.
    func makeRequest() throws -> SimulationRequest {
      _ = try RuleCatalog.descriptor(named: rule)
      let ruleOptions = try RuleOptions.parse(ruleArguments)
      // A replay ignores the synthetic signals (the manifest's command line leaves them out).
      let signals = losses == nil && activations == nil ? self.signals : try SignalOptions.parse([])
      return SimulationRequest(
        rule: rule, ruleOptions: ruleOptions, samples: samples, epochs: epochs,
        batchSize: common.batchSize ?? 128, seed: common.seed, outputPath: common.out,
        lossLogPath: losses, activationLogPath: activations, missing: missing,
        learner: try signals.learnerConfiguration(),
        activations: try signals.activationConfiguration(), writesLossLog: writeLossLog,
        writesActivationLog: writeActivationLog, writesSampleOutcomes: !noSampleOutcomes,
        reportsProgress: progress || ProgressReporter.isTerminal, commandLine: canonicalArguments)
    }

    /// The command line that regenerates this run, every setting explicit.
    var canonicalArguments: [String] {
      var arguments = ["prunelab", "simulate", "--rule", rule]
      if let samples { arguments += ["--samples", "\(samples)"] }
      if let epochs { arguments += ["--epochs", "\(epochs)"] }
      arguments += [
        "--batch-size", "\(common.batchSize ?? 128)", "--seed", "\(common.seed)", "--out",
        common.out,
      ]
      if let losses { arguments += ["--losses", losses] }
      if let activations { arguments += ["--activations", activations] }
      if missing != .reject { arguments += ["--missing", missing.rawValue] }
      if writeLossLog { arguments.append("--write-loss-log") }
      if writeActivationLog { arguments.append("--write-activation-log") }
      if noSampleOutcomes { arguments.append("--no-sample-outcomes") }
      if losses == nil, activations == nil { arguments += signals.canonicalArguments }
      return arguments + ruleArguments
    }
  }
}

extension MissingLogEntries: ExpressibleByArgument {}
