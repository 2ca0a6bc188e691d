import Testing

@testable import MiniCNN

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct LearningRateScheduleTests {
  static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

  @Test func oneCycleKnownValues() {
    let schedule = LearningRateSchedule.oneCycle(maximum: 0.1)
    // initial 0.1/25 = 0.004, final 0.004/1e4 = 4e-7, peak at p = 0.3
    #expect(Self.close(schedule.rate(atProgress: 0, epoch: 0), 0.004))
    #expect(Self.close(schedule.rate(atProgress: 0.15, epoch: 0), (0.004 + 0.1) / 2))
    #expect(Self.close(schedule.rate(atProgress: 0.3, epoch: 0), 0.1))
    #expect(Self.close(schedule.rate(atProgress: 0.65, epoch: 0), (0.1 + 4e-7) / 2))
    #expect(Self.close(schedule.rate(atProgress: 1, epoch: 0), 4e-7))
  }

  @Test func cosineAndStepKnownValues() {
    let cosine = LearningRateSchedule.cosine(initial: 0.2, minimum: 0.02)
    #expect(Self.close(cosine.rate(atProgress: 0, epoch: 0), 0.2))
    #expect(Self.close(cosine.rate(atProgress: 0.5, epoch: 0), 0.11))
    #expect(
      Self.close(
        cosine.rate(atProgress: 0.25, epoch: 0), 0.02 + 0.18 * (1 + cos(Double.pi / 4)) / 2))
    #expect(Self.close(cosine.rate(atProgress: 1, epoch: 0), 0.02))
    let step = LearningRateSchedule.step(initial: 0.1, epochsPerStep: 3, factor: 0.5)
    #expect(step.rate(atProgress: 0.9, epoch: 2) == 0.1)
    #expect(step.rate(atProgress: 0, epoch: 3) == 0.05)
    #expect(step.rate(atProgress: 0, epoch: 7) == 0.025)
  }

  @Test func schedulerSizesEachEpochFromItsPlan() throws {
    var scheduler = try LearningRateScheduler(schedule: .cosine(initial: 1), epochs: 2)
    // Epoch 0 trains 4 batches, epoch 1 (pruned) only 2: each still covers half the curve.
    try scheduler.beginEpoch(0, steps: 4)
    var rates: [Double] = []
    for _ in 0..<4 { rates.append(scheduler.nextRate()) }
    try scheduler.beginEpoch(1, steps: 2)
    for _ in 0..<2 { rates.append(scheduler.nextRate()) }
    let progress: [Double] = [0, 0.125, 0.25, 0.375, 0.5, 0.75]
    for (rate, p) in zip(rates, progress) {
      #expect(Self.close(rate, (1 + cos(Double.pi * p)) / 2))
    }
    // Overrunning an epoch's plan never runs past the epoch's end of the curve.
    _ = scheduler.nextRate()
    _ = scheduler.nextRate()
    #expect(scheduler.progress == 1)
    #expect(throws: MiniCNNError.self) { try scheduler.beginEpoch(2, steps: 1) }
  }

  @Test func rejectsBadSchedules() {
    #expect(throws: MiniCNNError.self) {
      try LearningRateScheduler(schedule: .oneCycle(maximum: 0.1, warmupFraction: 1), epochs: 3)
    }
    #expect(throws: MiniCNNError.self) {
      try LearningRateScheduler(schedule: .cosine(initial: 0.1, minimum: 0.2), epochs: 3)
    }
    #expect(throws: MiniCNNError.self) {
      try LearningRateScheduler(schedule: .step(initial: 0.1, epochsPerStep: 0), epochs: 3)
    }
    #expect(throws: MiniCNNError.self) {
      try LearningRateScheduler(schedule: .constant(rate: 0.1), epochs: 0)
    }
  }
}
