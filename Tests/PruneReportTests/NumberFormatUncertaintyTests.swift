import Testing

@testable import PruneReport

@Suite struct NumberFormatUncertaintyTests {
  @Test func roundsToTheUncertaintysSecondDigit() {
    #expect(NumberFormat.measured(0.8266666666666667, uncertainty: 0.012) == "0.827")
    #expect(NumberFormat.measured(12.346, uncertainty: 0.4) == "12.35")
    #expect(NumberFormat.measured(-0.04321, uncertainty: 0.003) == "-0.0432")
  }

  @Test func exactValuesKeepFourDigits() {
    #expect(NumberFormat.measured(0.8266666666666667, uncertainty: 0) == "0.8267")
    #expect(NumberFormat.measured(2, uncertainty: .nan) == "2")
  }

  @Test func valueBelowItsUncertaintyPrintsAsZeros() {
    #expect(NumberFormat.measured(3e-5, uncertainty: 0.02) == "0.000")
    #expect(NumberFormat.measured(3e-12, uncertainty: 2e-8) == "0")
  }

  @Test func tinyUncertaintiesUseScientificDigits() {
    #expect(NumberFormat.measured(1.234567e-9, uncertainty: 1e-11) == "1.235e-09")
    #expect(NumberFormat.measured(0.123456789, uncertainty: 1e-12) == "0.123457")
  }

  @Test func tolerancesNeverRoundToZero() {
    #expect(NumberFormat.uncertainty(0.01) == "0.01")
    #expect(NumberFormat.uncertainty(0.000123456) == "1.2e-04")
  }

  @Test func pageCellsShortenLongNumbersOnly() {
    #expect(NumberFormat.pageCell("0.8266666666666667") == "0.8267")
    #expect(NumberFormat.pageCell("200") == "200")
    #expect(NumberFormat.pageCell("r = 0.5") == "r = 0.5")
    #expect(NumberFormat.pageCell("exact") == "exact")
  }
}
