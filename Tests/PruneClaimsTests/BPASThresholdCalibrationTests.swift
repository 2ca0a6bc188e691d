import Testing

@testable import PruneClaims

/// B-PAS's thresholds calibrated the paper's way (``BPASThresholdCalibration``): the procedure
/// on hand-made trajectories, its errors, and the calibration run on a tiny workload.
@Suite struct BPASThresholdCalibrationTests {
  @Test func medianOfTheLastEpochsChanges() throws {
    // Last-epoch changes: |0.2 - 0.1| = 0.1, |0.25 - 0.2| = 0.05, |0.5 - 0.52| = 0.02, and
    // batch 3 (not trained in the last epoch) is left out: median of {0.02, 0.05, 0.1} = 0.05.
    let statistics: [[Int: Double]] = [
      [0: 9, 1: 9, 2: 9, 3: 9],
      [0: 0.1, 1: 0.2, 2: 0.52, 3: 1],
      [0: 0.2, 1: 0.25, 2: 0.5],
    ]
    let calibration = try BPASThresholdCalibration.calibrate(
      statistics: statistics, sampleCount: 10, plannedEpochs: 3, source: "test")
    #expect(calibration.comparedBatches == 3)
    #expect(abs(calibration.medianChange - 0.05) < 1e-12)
    #expect(calibration.deltaEnd == 0.05)
    #expect(calibration.deltaStart == 0.001)
    #expect(calibration.deltaEnd / calibration.deltaStart == BPASThresholdCalibration.scheduleRatio)
  }

  @Test func evenCountTakesTheMeanOfTheMiddleTwo() {
    #expect(BPASThresholdCalibration.quantile([1, 2, 3, 10], 0.5) == 2.5)
    #expect(BPASThresholdCalibration.quantile([4], 0.5) == 4)
  }

  @Test func roundsToThreeSignificantDigits() {
    #expect(BPASThresholdCalibration.roundedToSignificant(0.000123456, digits: 3) == 0.000123)
    #expect(BPASThresholdCalibration.roundedToSignificant(0.0098765, digits: 3) == 0.00988)
    #expect("\(BPASThresholdCalibration.roundedToSignificant(1.23456e-5, digits: 3))" == "1.23e-05")
  }

  @Test func refusesTrajectoriesWithoutAPositiveChange() {
    #expect(throws: ClaimsError.self) {
      try BPASThresholdCalibration.calibrate(
        statistics: [[0: 1]], sampleCount: 1, plannedEpochs: 1, source: "one epoch")
    }
    #expect(throws: ClaimsError.self) {
      try BPASThresholdCalibration.calibrate(
        statistics: [[0: 1], [1: 1]], sampleCount: 1, plannedEpochs: 2, source: "no pair")
    }
    #expect(throws: ClaimsError.self) {
      try BPASThresholdCalibration.calibrate(
        statistics: [[0: 1, 1: 2], [0: 1, 1: 2]], sampleCount: 1, plannedEpochs: 2,
        source: "frozen")
    }
  }

  @Test func calibrationRunIsTenPercentAndDeterministic() throws {
    let workload = try EndToEndWorkload.syntheticT1(
      sampleCount: 200, side: 8, epochs: 2, seedCount: 2, batchSize: 16)
    let training = EndToEndTraining(
      workload: workload, data: try workload.loadData(seed: 5), dataSeed: 5)
    let subset = try BPASThresholdSetting.calibrationTraining(training)
    #expect(subset.data.train.sampleCount == 20)
    let first = try BPASThresholdSetting.calibrated(training: training, baseSeed: 5)
    let second = try BPASThresholdSetting.calibrated(training: training, baseSeed: 5)
    #expect(first == second)
    #expect(!first.isPlaceholder)
    let calibration = try #require(first.calibration)
    #expect(calibration.sampleCount == 20)
    #expect(calibration.deltaStart > 0 && calibration.deltaEnd >= calibration.deltaStart)
    #expect(first.choice.options.map(\.value) == ["\(first.deltaStart)", "\(first.deltaEnd)"])
  }
}
