import Foundation
import Testing

@testable import PruneReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The README's example, run for real: a log-log plot with two series and an uncertainty band,
/// written atomically, linked from a Markdown page, with a manifest.
@Suite struct ReadmeExampleTests {
  @Test func logLogPlotPageAndManifest() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let alpha = 0.9
    let f = (1...200).map { 0.5 * Double($0) / 200 }
    let formula = f.map {
      (1 - alpha) / (1 - 2 * alpha * cos(2 * .pi * $0) + alpha * alpha).squareRoot()
    }
    let gains = formula.enumerated().map { $1 * (1 + 0.03 * sin(Double($0))) }
    let low = gains.map { $0 * 0.9 }
    let high = gains.map { $0 * 1.1 }

    let out = try OutputFolder(scratch.appendingPathComponent("results/bls1"))
    let measured = try PlotSeries(name: "measured", x: f, y: gains)
      .withUncertainty(lower: low, upper: high, as: .band)
    let analytic = try PlotSeries(name: "analytic", x: f, y: formula, style: .line)
    let plot = XYPlot(
      title: "EMA magnitude response", xAxis: .log10("frequency (cycles/step)"),
      yAxis: .log10("|H|"), series: [measured, analytic],
      referenceLines: [.vertical(at: 0.016, label: "crossover")])
    let figure = try plot.write(to: out, as: "figures/BLS-1-response.svg")

    var page = MarkdownPage(title: "BLS")
    page.heading("BLS-1 The EMA is a first-order low-pass filter")
    page.paragraph("Verdict: " + MarkdownPage.verdictBadge("holds"))
    page.code("prunelab reproduce --only BLS-1", language: "sh")
    page.image(path: "../figures/BLS-1-response.svg", alt: "measured and analytic |H|")
    let pageFile = try page.write(to: out, as: "notebooks-md/bls.md")
    try RunManifest(toolVersion: "0.1.0", arguments: ["prunelab", "reproduce"], seed: 42)
      .write(to: out)

    #expect(try listing(out.url) == ["figures", "manifest.json", "notebooks-md"])
    // The page's relative link resolves to the figure.
    let linked = pageFile.deletingLastPathComponent()
      .appendingPathComponent("../figures/BLS-1-response.svg").standardizedFileURL
    #expect(linked.path == figure.standardizedFileURL.path)
    let svg = try String(contentsOf: figure, encoding: .utf8)
    _ = try checkedElementNames(svg)
    #expect(svg.contains(">crossover<"))
    #expect(svg == plot.svg())
    if let folder = ProcessInfo.processInfo.environment["PRUNEREPORT_SAMPLES"] {
      try AtomicFile.write(svg, to: URL(fileURLWithPath: folder + "/readme-example.svg"))
    }
  }
}
