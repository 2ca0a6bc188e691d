/// A dynamic data-pruning rule: it decides what each epoch trains on and with which weights.
///
/// The contract (ARCHITECTURE.md): at the start of epoch `e` the loop calls
/// ``plan(forEpoch:)`` once; it trains on the plan batch by batch and calls ``record(_:)`` after
/// each batch with the signals measured before that batch's update; then it calls
/// ``finishEpoch(_:)``. A rule sees nothing else: no generator, no trainer, no C library, which is
/// what lets one rule run unchanged on synthetic signals, a replayed log or the real trainer.
///
/// Every random draw comes from the rule's own generator, derived from `(setup.seed, epoch)`, so
/// a run is a pure function of its seed and inputs.
public protocol PruningRule: Sendable {
  /// Everything the rule remembers between epochs, for checkpoint and resume.
  associatedtype State: Codable & Sendable & Equatable

  /// The rule's command-line name (`infobatch`, `bpas`, ...).
  var name: String { get }
  /// The run this rule was built for.
  var setup: TrainingSetup { get }
  /// The signals ``record(_:)`` needs in every report.
  var requiredSignals: SignalKinds { get }
  /// The rule's parameters, by name, for manifests (`["pruneRatio": "0.5", ...]`).
  var parameters: [String: String] { get }

  /// Makes epoch `epoch`'s plan. Call once per epoch, in order, before training on it.
  mutating func plan(forEpoch epoch: Int) throws -> EpochPlan
  /// Takes one trained batch's signals.
  /// - Throws: ``PruneCoreError/nonFiniteSignal(signal:epoch:sample:value:)`` and friends.
  mutating func record(_ report: BatchReport) throws
  /// Ends epoch `epoch` (end-of-epoch decisions: B-PAS drops, RePB resampling).
  mutating func finishEpoch(_ epoch: Int) throws

  /// A snapshot of the rule's state.
  var state: State { get }
  /// Restores a snapshot taken by ``state`` from a rule with the same configuration and setup.
  mutating func restore(_ state: State) throws
}
