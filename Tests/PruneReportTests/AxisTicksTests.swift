import Testing

@testable import PruneReport

@Suite struct AxisTicksTests {
  @Test func unitIntervalGetsFifths() {
    let result = AxisTicks.linear(lower: 0, upper: 1)
    #expect(result.ticks.map(\.value) == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    #expect(result.ticks.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
  }

  @Test(arguments: [
    (0.0, 10.0, [0.0, 2, 4, 6, 8, 10]),
    (-3.0, 7.0, [-2.0, 0, 2, 4, 6]),
    (0.0, 100.0, [0.0, 20, 40, 60, 80, 100]),
    (0.013, 0.027, [0.014, 0.016, 0.018, 0.02, 0.022, 0.024, 0.026]),
    (-10.8, 20.3, [-10.0, -5, 0, 5, 10, 15, 20]),
  ])
  func stepsAreOneTwoOrFiveTimesAPowerOfTen(lower: Double, upper: Double, expected: [Double]) {
    let ticks = AxisTicks.linear(lower: lower, upper: upper, intervals: 6).ticks
    #expect(ticks.map(\.value) == expected)
  }

  @Test func looseLimitsWidenToTheEnclosingTicks() {
    let result = AxisTicks.linear(lower: 0.03, upper: 0.91, loose: (true, true))
    #expect(result.lower == 0)
    #expect(result.upper == 1)
  }

  @Test(arguments: [(1.0, 10.0), (0.4, 8.0), (0.001, 0.002), (1e-9, 1e9), (-5.0, 5.0)])
  func niceStepMantissaIsOneTwoOrFive(lower: Double, upper: Double) {
    let step = AxisTicks.niceStep(span: upper - lower, intervals: 5)
    #expect([1, 2, 5].contains(step.mantissa))
  }

  @Test func largeAndTinyValuesUseScientificLabels() {
    #expect(AxisTicks.linear(lower: 0, upper: 4e6).ticks.map(\.label).last == "4e+06")
    #expect(AxisTicks.linear(lower: 0, upper: 5e-5).ticks.map(\.label)[1] == "1e-05")
  }

  @Test func logAxisLabelsEveryDecade() {
    let result = AxisTicks.log10(lower: 0.001, upper: 1000)
    let majors = result.ticks.filter(\.isMajor)
    #expect(majors.map(\.value) == [0.001, 0.01, 0.1, 1, 10, 100, 1000])
    #expect(majors.map(\.label) == ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
    // Minor ticks at 2..9 times each decade between the labels.
    #expect(result.ticks.filter { !$0.isMajor }.count == 6 * 8)
  }

  @Test func wideLogAxisUsesSuperscriptsAndThinsDecades() {
    let result = AxisTicks.log10(lower: 1e-12, upper: 1, maxLabels: 7)
    let majors = result.ticks.filter(\.isMajor)
    #expect(majors.first?.label == "10⁻¹²")
    #expect(majors.count <= 7)
    #expect(majors.count >= 4)
    #expect(majors.map(\.value).contains(1e-12))
  }

  @Test func narrowLogAxisLabelsTwoAndFive() {
    let majors = AxisTicks.log10(lower: 1, upper: 30).ticks.filter(\.isMajor)
    #expect(majors.map(\.label) == ["1", "2", "5", "10", "20"])
  }

  @Test func logDecadesAreEquallySpaced() throws {
    let axis = try Axis(label: "f", scale: .log10, lower: 0.001, upper: 1000)
    let resolved = ResolvedAxis(
      axis, extent: nil, start: 100, end: 700, labelCapacity: 10)
    let positions = [0.001, 0.01, 0.1, 1, 10, 100, 1000].compactMap(resolved.position)
    #expect(positions.count == 7)
    for (index, position) in positions.enumerated() {
      #expect(abs(position - (100 + 100 * Double(index))) < 1e-9)
    }
    #expect(resolved.position(0) == nil)
    #expect(resolved.position(-1) == nil)
    #expect(resolved.position(.nan) == nil)
  }

  @Test(arguments: [(1.0, 1.0), (2.0, 1.0), (Double.nan, 1.0), (0.0, Double.infinity)])
  func badLinearRangesAreRefused(lower: Double, upper: Double) {
    #expect(throws: PruneReportError.self) {
      try Axis(label: "x", lower: lower, upper: upper)
    }
  }

  @Test func logAxisRefusesNonPositiveLimits() {
    #expect(throws: PruneReportError.self) { try Axis(label: "x", scale: .log10, lower: 0) }
    #expect(throws: PruneReportError.self) { try Axis(label: "x", scale: .log10, upper: -1) }
  }
}
