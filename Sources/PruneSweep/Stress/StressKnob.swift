import PruneCore
import PruneEngine
import PruneReport
import PruneSignals

/// A rule as the stress atlas runs it: a display name, the catalog rule and its options.
public struct StressRule: Sendable, Hashable {
  /// The name on the page (`infobatch (bls)`).
  public let name: String
  /// The catalog name (`infobatch`).
  public let catalogName: String
  public var options: RuleOptions
  /// The option that sets the rule's budget, its range and scale (``StressAtlas/calibrated``).
  public let budget: (option: String, range: ClosedRange<Double>, scale: SavingsCalibration.Scale)?

  public init(
    name: String, catalogName: String, options: RuleOptions = RuleOptions(),
    budget: (option: String, range: ClosedRange<Double>, scale: SavingsCalibration.Scale)? = nil
  ) {
    self.name = name
    self.catalogName = catalogName
    self.options = options
    self.budget = budget
  }

  public static func == (a: Self, b: Self) -> Bool {
    a.name == b.name && a.catalogName == b.catalogName && a.options == b.options
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(options)
  }

  /// True when the rule scores samples with BLS's batch-loss EMA (the batch size knob's rules).
  public var usesBatchLossScore: Bool { options.value(of: "score") == "bls" }

  /// The atlas's rules at their defaults: the four papers' rules, and InfoBatch and RePB on BLS
  /// scores.
  /// - Throws: never in practice (the options are known to the catalog).
  public static func standard() throws -> [StressRule] {
    var bls = RuleOptions()
    try bls.setValue("bls", forOption: "score")
    let ratio = (option: "prune-ratio", range: 0.0...0.9, scale: SavingsCalibration.Scale.linear)
    let rho = (option: "rho", range: 0.0...0.95, scale: SavingsCalibration.Scale.linear)
    let threshold = (
      option: "delta-end", range: 1e-6...1.0, scale: SavingsCalibration.Scale.logarithmic
    )
    return [
      StressRule(name: "infobatch", catalogName: "infobatch", budget: ratio),
      StressRule(name: "seta", catalogName: "seta", budget: ratio),
      StressRule(name: "repb", catalogName: "repb", budget: rho),
      StressRule(name: "bpas", catalogName: "bpas", budget: threshold),
      StressRule(name: "infobatch (bls)", catalogName: "infobatch", options: bls, budget: ratio),
      StressRule(name: "repb (bls)", catalogName: "repb", options: bls, budget: rho),
    ]
  }
}

/// What one stress point simulates under: the sweep conditions and the batch size.
public struct StressConditions: Sendable {
  public var sweep: SweepConditions
  public var batchSize: Int

  public init(sweep: SweepConditions, batchSize: Int) {
    self.sweep = sweep
    self.batchSize = batchSize
  }
}

/// One noise knob of the stress atlas: its values in order of severity (the first is the
/// reference, the mildest) and how a value changes the conditions.
public struct StressKnob: Sendable {
  /// The CSV and file name (`label-noise`).
  public let id: String
  /// What the knob is, for the page (`label-noise fraction q`).
  public let title: String
  /// The values, mildest first; a breaking point is the first of them where the rule breaks.
  public let values: [Double]
  /// Whether the knob applies to a rule (the batch size only to BLS-scored rules).
  public let applies: @Sendable (StressRule) -> Bool
  /// Sets the knob to a value.
  public let apply: @Sendable (inout StressConditions, Double) throws -> Void
  /// The figures' x axis: its label and the plotted number of a value (1/ν for ν).
  public let axisLabel: String
  public let plotted: @Sendable (Double) -> Double

  public init(
    id: String, title: String, values: [Double], axisLabel: String? = nil,
    plotted: @escaping @Sendable (Double) -> Double = { $0 },
    applies: @escaping @Sendable (StressRule) -> Bool = { _ in true },
    apply: @escaping @Sendable (inout StressConditions, Double) throws -> Void
  ) {
    self.id = id
    self.title = title
    self.values = values
    self.axisLabel = axisLabel ?? id
    self.plotted = plotted
    self.applies = applies
    self.apply = apply
  }

  /// A value as the page prints it (ν = ∞ is the Gaussian).
  public func label(_ value: Double) -> String {
    value.isFinite ? NumberFormat.significant(value, digits: 4) : "inf"
  }

  /// The seven knobs of issue 11, each varied alone around the base learner.
  public static let standard: [StressKnob] = [
    StressKnob(
      id: "loss-noise", title: "relative loss noise σ", values: [0, 0.2, 0.5, 1, 2]
    ) { conditions, value in
      conditions.sweep.learner = try conditions.sweep.learner.with(noiseLevel: value)
    },
    StressKnob(
      id: "heavy-tail", title: "Student-t degrees of freedom ν of the loss noise (∞: Gaussian)",
      values: [.infinity, 10, 4, 2, 1.2], axisLabel: "1/ν (0: Gaussian)", plotted: { 1 / $0 }
    ) { conditions, value in
      conditions.sweep.learner = try conditions.sweep.learner.with(
        heavyTailDegrees: value.isFinite ? value : nil)
    },
    StressKnob(
      id: "label-noise", title: "label-noise fraction q", values: [0, 0.05, 0.1, 0.2, 0.4]
    ) { conditions, value in
      conditions.sweep.learner = try conditions.sweep.learner.with(labelNoiseFraction: value)
    },
    StressKnob(
      id: "forgetting", title: "forgetting rate per sample and epoch",
      values: [0, 0.05, 0.1, 0.2, 0.4]
    ) { conditions, value in
      conditions.sweep.learner = try conditions.sweep.learner.with(forgettingRate: value)
    },
    StressKnob(
      id: "imbalance", title: "class imbalance (largest / smallest class)",
      values: [1, 3, 10, 30, 100]
    ) { conditions, value in
      conditions.sweep.learner = try conditions.sweep.learner.with(imbalanceRatio: value)
    },
    StressKnob(
      id: "duplicates", title: "duplicate fraction (exact copies)",
      values: [0, 0.1, 0.25, 0.5, 0.75]
    ) { conditions, value in
      conditions.sweep.duplicateFraction = value
    },
    StressKnob(
      id: "batch-size", title: "batch size B (BLS-scored rules)", values: [16, 32, 64, 128, 256],
      applies: { $0.usesBatchLossScore }
    ) { conditions, value in
      conditions.batchSize = Int(value)
    },
  ]
}
