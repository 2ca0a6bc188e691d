import ArgumentParser
import MiniCNN
import PruneCore
import PruneRuns

extension PruneLab {
  /// `prunelab train`: trains the ref-cnn under a pruning rule (issue 4, item 5).
  public struct Train: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Train the ref-cnn on Fashion-MNIST or synthetic images under a pruning rule.",
      discussion: """
        Each epoch the rule plans the samples and loss weights; the trainer sizes the \
        learning-rate schedule from that plan, trains batch by batch on (1/B) sum w_i l_i and \
        reports each batch's per-sample losses, mean loss and activation statistic (measured \
        before the step) back to the rule. An empty plan ends the run early (bpas).

        Rule options follow the rule name as --option value; `prunelab rules` lists them \
        (\(RuleCatalog.ruleNames.joined(separator: ", "))).

        Data: --dataset fashion-mnist reads the four IDX files of Debian's \
        dataset-fashion-mnist (apt-get install dataset-fashion-mnist) from --data-dir; \
        --subset N trains on a stratified subset. --dataset synthetic generates images with \
        known difficulty (T1 defaults: 2,000 of 1 x 16 x 16). Images are normalised by the \
        training set's mean and standard deviation.

        Writes into --out: epochs.csv (one row per epoch: epoch, train_loss, test_accuracy, \
        trained_samples, wall_seconds, selection_seconds, ...), summary.json (rule, \
        final_test_accuracy, saved_fraction, wall_seconds, ...), manifest.json, and with \
        --log-losses / --log-activations losses.csv (epoch,sample,loss,label) and \
        activations.csv (epoch,batch,xbar). A pruned epoch logs only what it trained; replay \
        such logs through any rule with `prunelab simulate --losses FILE --missing \
        carry-forward`. With --checkpoint FILE the run's state is saved \
        after every epoch; --resume FILE continues it and ends with the same numbers as an \
        uninterrupted run with the same seed and --threads.

        Example (T2):
          prunelab train --rule infobatch --prune-ratio 0.5 --dataset fashion-mnist \\
            --epochs 30 --seed 1 --out runs/t2-infobatch
        """)

    /// The data sets `--dataset` names.
    enum DatasetName: String, ExpressibleByArgument, CaseIterable {
      case fashionMNIST = "fashion-mnist"
      case synthetic
    }

    /// The learning-rate schedules `--schedule` names.
    enum ScheduleName: String, ExpressibleByArgument, CaseIterable {
      case oneCycle = "one-cycle"
      case cosine
      case constant
    }

    @Option(help: "The rule: \(RuleCatalog.ruleNames.joined(separator: ", ")).")
    var rule: String

    @OptionGroup(title: "Run")
    var common: RunOptions

    @Option(help: "fashion-mnist or synthetic.")
    var dataset: DatasetName = .fashionMNIST

    @Option(help: "Folder holding the Fashion-MNIST .gz files.")
    var dataDir: String = FashionMNIST.defaultDirectory

    @Option(help: "Planned epochs E.")
    var epochs: Int = 30

    @Option(help: "Seed of the training subset and of the synthetic images.")
    var dataSeed: UInt64 = 0

    @Option(help: "Learning rate: the maximum of one-cycle, the start of cosine.")
    var lr: Double = 0.1

    @Option(help: "one-cycle (cosine annealing, 30% warm-up), cosine or constant.")
    var schedule: ScheduleName = .oneCycle

    @Option(help: "SGD weight decay (not on BN parameters and biases with --no-decay-on-bn).")
    var weightDecay: Double = 5e-4

    @Flag(help: "Exempt BN parameters and biases from weight decay.")
    var noDecayOnBn = false

    @Flag(help: "Nesterov momentum.")
    var nesterov = false

    @Option(help: "Label smoothing of the training loss, [0, 1).")
    var labelSmoothing: Double = 0

    @Option(help: "Train on a stratified subset of this many images (equal class shares).")
    var subset: Int?

    @Option(help: "Evaluate on a stratified subset of this many test images.")
    var testSubset: Int?

    @Option(help: "Random-crop padding in pixels (0: no crop).")
    var cropPadding: Int = 0

    @Flag(help: "Flip half the training images left to right.")
    var flip = false

    @Option(help: "Weight init: kaiming-normal or pytorch (PyTorch's default, kaiming-uniform a = sqrt 5).")
    var initialization: WeightInitialization = .kaimingNormal

    @Flag(help: "Build the network without BatchNorm.")
    var noBn = false

    @Option(help: "Threads that share each training step; results depend on it.")
    var threads: Int = 2

    @Flag(help: "Write losses.csv: every trained sample's loss in every epoch.")
    var logLosses = false

    @Flag(help: "Write activations.csv: every batch's activation statistic (measured always).")
    var logActivations = false

    @Option(help: "Save the run's state to this file after every epoch.")
    var checkpoint: String?

    @Option(help: "Continue the run saved in this checkpoint (same options as the original run).")
    var resume: String?

    @Option(
      help: """
        Stop once this many epochs are trained, keeping the checkpoint (split a long run over \
        several jobs; needs --checkpoint or --resume).
        """)
    var stopAfterEpochs: Int?

    @Flag(help: "No progress output on stderr.")
    var quiet = false

    @OptionGroup(title: "Synthetic images (with --dataset synthetic)")
    var synthetic: TrainSyntheticOptions

    @Argument(
      parsing: .allUnrecognized,
      help: ArgumentHelp(
        "Rule options, e.g. --prune-ratio 0.3 (see `prunelab rules`).",
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
      try TrainingRun.run(makeRequest())
    }

    /// The typed request behind this command line.
    func makeRequest() throws -> TrainRequest {
      _ = try RuleCatalog.descriptor(named: rule)
      return TrainRequest(
        rule: rule, ruleOptions: try RuleOptions.parse(ruleArguments),
        dataset: try datasetSource(), trainSubset: subset, testSubset: testSubset,
        dataSeed: dataSeed, trainer: try trainerConfiguration(), outputPath: common.out,
        logsLosses: logLosses, logsActivations: logActivations, checkpointPath: checkpoint,
        resumePath: resume, stopAfterEpochs: stopAfterEpochs, reportsProgress: !quiet,
        commandLine: canonicalArguments)
    }

    /// The trainer's configuration from the options.
    func trainerConfiguration() throws -> TrainerConfiguration {
      let schedule: LearningRateSchedule
      switch self.schedule {
      case .oneCycle: schedule = .oneCycle(maximum: lr)
      case .cosine: schedule = .cosine(initial: lr)
      case .constant: schedule = .constant(rate: lr)
      }
      return try TrainerConfiguration(
        epochs: epochs, batchSize: common.batchSize ?? 128, schedule: schedule,
        optimizer: try SGDConfiguration(
          weightDecay: weightDecay, isNesterov: nesterov,
          exemptsNormalizationAndBiasFromDecay: noDecayOnBn),
        usesBatchNorm: !noBn, labelSmoothing: labelSmoothing, cropPadding: cropPadding,
        horizontalFlip: flip, activationMeasurement: logActivations ? .always : .whenRequired,
        threadCount: threads, seed: common.seed, initialization: initialization)
    }

    /// Where the images come from.
    func datasetSource() throws -> DatasetSource {
      switch dataset {
      case .fashionMNIST: return .fashionMNIST(directory: dataDir)
      case .synthetic: return .synthetic(try synthetic.configuration(seed: dataSeed))
      }
    }

    /// The command line that regenerates this run, every setting explicit.
    var canonicalArguments: [String] {
      var arguments = [
        "prunelab", "train", "--rule", rule, "--dataset", dataset.rawValue, "--epochs",
        "\(epochs)", "--seed", "\(common.seed)", "--data-seed", "\(dataSeed)", "--out",
        common.out, "--batch-size", "\(common.batchSize ?? 128)", "--lr", "\(lr)", "--schedule",
        schedule.rawValue,
        "--weight-decay", "\(weightDecay)", "--label-smoothing", "\(labelSmoothing)",
        "--crop-padding", "\(cropPadding)", "--threads", "\(threads)",
      ]
      if dataset == .fashionMNIST { arguments += ["--data-dir", dataDir] }
      if let subset { arguments += ["--subset", "\(subset)"] }
      if let testSubset { arguments += ["--test-subset", "\(testSubset)"] }
      if initialization != .kaimingNormal {
        arguments += ["--initialization", initialization.rawValue]
      }
      for (flag, isOn) in [
        ("--no-decay-on-bn", noDecayOnBn), ("--nesterov", nesterov), ("--flip", flip),
        ("--no-bn", noBn), ("--log-losses", logLosses), ("--log-activations", logActivations),
      ] where isOn {
        arguments.append(flag)
      }
      if let checkpoint { arguments += ["--checkpoint", checkpoint] }
      if dataset == .synthetic { arguments += synthetic.canonicalArguments }
      return arguments + ruleArguments
    }
  }
}

extension WeightInitialization: ExpressibleByArgument {}
