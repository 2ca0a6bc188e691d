/// Walks a ``LearningRateSchedule`` step by step, sized from each epoch's actual plan.
///
/// ```swift
/// var scheduler = try LearningRateScheduler(schedule: .oneCycle(maximum: 0.1), epochs: 30)
/// for epoch in 0..<30 {
///   let plan = try rule.plan(forEpoch: epoch)
///   try scheduler.beginEpoch(epoch, steps: plan.batchCount)
///   for batch in 0..<plan.batchCount {
///     let rate = scheduler.nextRate()      // progress (epoch + batch / steps) / epochs
///     ...
///   }
/// }
/// ```
public struct LearningRateScheduler: Sendable, Codable, Equatable {
  /// The curve.
  public let schedule: LearningRateSchedule
  /// E, the planned epochs.
  public let epochs: Int
  /// The current epoch (-1 before the first ``beginEpoch(_:steps:)``).
  public private(set) var epoch: Int
  /// S_e, the steps of the current epoch.
  public private(set) var stepsThisEpoch: Int
  /// k, the steps already taken this epoch.
  public private(set) var stepInEpoch: Int

  /// - Throws: ``MiniCNNError/outOfRange(parameter:value:allowed:)`` for bad parameters.
  public init(schedule: LearningRateSchedule, epochs: Int) throws {
    guard epochs >= 1 else {
      throw MiniCNNError.outOfRange(
        parameter: "epochs", value: Double(epochs), allowed: "an integer >= 1")
    }
    self.schedule = try schedule.validated()
    self.epochs = epochs
    epoch = -1
    stepsThisEpoch = 0
    stepInEpoch = 0
  }

  /// Starts epoch `epoch` with `steps` optimiser steps (the plan's batch count; 0 is allowed).
  /// - Throws: ``MiniCNNError/outOfRange(parameter:value:allowed:)`` when `epoch` is outside
  ///   `0..<epochs` or `steps` is negative.
  public mutating func beginEpoch(_ epoch: Int, steps: Int) throws {
    guard epoch >= 0, epoch < epochs else {
      throw MiniCNNError.outOfRange(
        parameter: "epoch", value: Double(epoch), allowed: "0..<\(epochs) (the planned epochs)")
    }
    guard steps >= 0 else {
      throw MiniCNNError.outOfRange(
        parameter: "steps", value: Double(steps), allowed: "an integer >= 0")
    }
    self.epoch = epoch
    stepsThisEpoch = steps
    stepInEpoch = 0
  }

  /// The progress of the next step: `(e + k / S_e) / E`, never past the epoch's end.
  public var progress: Double {
    guard epoch >= 0 else { return 0 }
    let within =
      stepsThisEpoch > 0 ? Double(min(stepInEpoch, stepsThisEpoch)) / Double(stepsThisEpoch) : 0
    return (Double(epoch) + within) / Double(epochs)
  }

  /// The rate of the next step, without advancing.
  public var currentRate: Double { schedule.rate(atProgress: progress, epoch: max(0, epoch)) }

  /// The rate of the next step; then advances by one step.
  public mutating func nextRate() -> Double {
    let rate = currentRate
    stepInEpoch += 1
    return rate
  }
}
