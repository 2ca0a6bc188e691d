/// Keeps a rule's calls in the order of the contract: `plan(e)`, `record(...)`..., `finishEpoch(e)`,
/// then `plan(e + 1)` (``PruningRule``). Out-of-order calls are programmer errors in the loop, but
/// they arrive from another module, so they throw instead of trapping.
public struct EpochCursor: Codable, Sendable, Equatable, Hashable {
  /// The epoch the next ``beginEpoch(_:)`` must name.
  public private(set) var nextEpoch: Int = 0
  /// True between `plan(e)` and `finishEpoch(e)`.
  public private(set) var isEpochOpen: Bool = false

  public init() {}

  /// The epoch being trained, if one is open.
  public var currentEpoch: Int? { isEpochOpen ? nextEpoch - 1 : nil }

  /// Opens epoch `epoch`.
  public mutating func beginEpoch(_ epoch: Int) throws {
    guard !isEpochOpen else {
      throw PruneCoreError.unexpectedBatch(
        epoch: epoch,
        detail: "plan(forEpoch: \(epoch)) called before finishEpoch(\(nextEpoch - 1)); "
          + "finish every epoch before planning the next.")
    }
    guard epoch == nextEpoch else {
      throw PruneCoreError.unexpectedBatch(
        epoch: epoch,
        detail: "plan(forEpoch: \(epoch)) called but the next epoch is \(nextEpoch); "
          + "plan epochs once each, in order from 0.")
    }
    nextEpoch += 1
    isEpochOpen = true
  }

  /// Checks that a batch report belongs to the open epoch.
  public func checkReport(_ report: BatchReport) throws {
    guard let current = currentEpoch, report.epoch == current else {
      throw PruneCoreError.unexpectedBatch(
        epoch: report.epoch,
        detail: "a batch of epoch \(report.epoch) was reported but the open epoch is "
          + "\(currentEpoch.map(String.init) ?? "none"); report batches of the planned epoch only.")
    }
  }

  /// Closes epoch `epoch`.
  public mutating func finishEpoch(_ epoch: Int) throws {
    guard let current = currentEpoch, epoch == current else {
      throw PruneCoreError.unexpectedBatch(
        epoch: epoch,
        detail: "finishEpoch(\(epoch)) called but the open epoch is "
          + "\(currentEpoch.map(String.init) ?? "none"); finish the epoch that was planned.")
    }
    isEpochOpen = false
  }
}
