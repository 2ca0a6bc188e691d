import ArgumentParser
import Foundation
import PruneReport
import PruneSignals
import PruneSweep

extension PruneLab {
  /// `prunelab calibrate`: fits the synthetic learner to a real run's per-sample loss log.
  public struct Calibrate: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "Fit the synthetic learner's knobs to a per-sample loss log.",
      discussion: """
        Reads a full-data loss log (epoch,sample,loss[,label]: every sample in every epoch, as \
        `prunelab train --rule full --log-losses` writes it or exported from PyTorch) and fits \
        the learner's knobs: the starting and floor losses, the learning speeds and the \
        log-normal spread of difficulty, the loss-noise level and Student-t tails, the share of \
        samples that never learn (label noise) and the forgetting rate (matched by simulation), \
        and the classes from the label column. Writes a learner file (JSON) that \
        `prunelab simulate --learner FILE` and `prunelab sweep run --learner FILE` accept, \
        atomically (nothing on error). The global speed is not identifiable from one run and is \
        set to 0 (folded into the speeds); forgetting is fitted with the learner's event size \
        0.5. On logs the learner itself generated, the fit recovers the speed and spread within \
        10 %, the noise level within 20 % (25 % with heavy tails), the mislabelled share within \
        0.02 and a forgetting rate of 0.1 within [0.05, 0.2] (Tests/PruneSweepTests/LearnerFitTests).

        Example:
          prunelab train --rule full --dataset fashion-mnist --subset 2000 --epochs 15 \\
            --log-losses --out runs/fmnist-full
          prunelab calibrate --losses runs/fmnist-full/losses.csv --out fmnist.learner.json
          prunelab sweep run --learner fmnist.learner.json --rules infobatch,repb \\
            --vary label-noise=0,0.1,0.2 --out sweeps/fmnist
        """)

    @Option(help: "The loss log to fit (epoch,sample,loss[,label], every sample every epoch).")
    var losses: String

    @Option(help: "The learner file to write (JSON).")
    var out: String

    @Option(help: "Seed of the forgetting simulations.")
    var seed: UInt64 = 0

    public init() {}

    public func run() throws {
      let log = try LossLog.read(from: losses)
      let fit = try LearnerFit(log: log, seed: seed)
      let text = LearnerFile.text(
        fit.configuration, samples: fit.sampleCount, epochs: fit.epochCount,
        source: URL(fileURLWithPath: losses).lastPathComponent,
        fit: [
          "usedEntries": .integer(fit.usedEntries), "noiseTailShare": .number(fit.tailShare),
          "riseShare": .number(fit.riseShare), "fittedRiseShare": .number(fit.fittedRiseShare),
          "seed": .unsignedInteger(seed),
        ])
      try AtomicFile.write(text, to: URL(fileURLWithPath: out))
      let c = fit.configuration
      print(
        "fitted \(fit.sampleCount) samples x \(fit.epochCount) epochs: l_0 = \(c.initialLoss), "
          + "floor = \(c.lossFloor), speed = \(c.learningSpeed), difficulty \(c.difficulty.summary), "
          + "noise = \(c.noiseLevel) (\(c.heavyTailDegrees.map { "t, nu = \($0)" } ?? "Gaussian")), "
          + "label noise = \(c.labelNoiseFraction), forgetting = \(c.forgettingRate); wrote \(out)")
    }
  }
}
