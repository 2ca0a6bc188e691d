import Testing

@testable import PruneReport

@Suite struct CategoryPlotTests {
  @Test func groupsNeedOneValuePerCategory() throws {
    #expect(throws: PruneReportError.self) {
      try CategoryPlot(
        title: "t", categories: ["a", "b"], yAxis: .linear("y"),
        groups: [CategoryGroup(name: "g", values: [1])])
    }
    #expect(throws: PruneReportError.self) {
      try CategoryGroup(name: "g", values: [1, 2]).withUncertainty(halfWidth: [1])
    }
  }

  @Test func barsStartAtZeroAndNaNIsSkipped() throws {
    let plot = try CategoryPlot(
      title: "t", categories: ["a", "b", "c"], yAxis: .linear("y"),
      groups: [CategoryGroup(name: "g", values: [3, .nan, 5])])
    let layout = plot.layout(for: .hidden, entries: plot.legendEntries())
    #expect(layout.y.lower == 0)
    #expect(layout.bars[0].map { $0 != nil } == [true, false, true])
    let svg = plot.svg()
    _ = try checkedElementNames(svg)
    #expect(!svg.contains("NaN") && !svg.contains("nan"))
  }

  @Test func longCategoryNamesAreRotatedShortOnesNot() throws {
    let timings = try SampleFigures.selectionTimings()
    #expect(timings.layout(for: .right, entries: timings.legendEntries()).rotatesLabels)
    let balance = try SampleFigures.classBalance()
    #expect(!balance.layout(for: .right, entries: balance.legendEntries()).rotatesLabels)
  }

  @Test func singleUnnamedGroupHasNoLegendAndEmptyPlotSaysNoData() throws {
    let plot = try CategoryPlot(
      title: "t", categories: ["a"], yAxis: .linear("y"),
      groups: [CategoryGroup(name: "", values: [.nan])])
    let svg = plot.svg()
    #expect(!svg.contains("class=\"legend\""))
    #expect(svg.contains(">no data<"))
  }

  @Test func groupedBarsSitSideBySideWithinTheirCategory() throws {
    let plot = try SampleFigures.classBalance()
    let layout = plot.layout(for: .right, entries: plot.legendEntries())
    for category in plot.categories.indices {
      let first = try #require(layout.bars[0][category])
      let second = try #require(layout.bars[1][category])
      #expect(first.right <= second.left)
      let slotLeft = layout.chrome.area.left + Double(category) * layout.slotWidth
      #expect(first.left >= slotLeft && second.right <= slotLeft + layout.slotWidth)
    }
  }
}
