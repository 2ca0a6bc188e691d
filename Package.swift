// swift-tools-version: 6.1
//
// PruneLab: the theory and practice of dynamic data pruning.
// Modules, lowest first (see README.md and ../shared/design/ARCHITECTURE.md):
//   CGSL, CFFTW, CBLAS, CZlib  system libraries through pkg-config (module map + shim only)
//   PruneCore                  seeded RNG, the rule protocol, every pruning rule, score sources
//   PruneSignals               synthetic signal generators, training-log readers and writers
//   PruneEngine                the simulated epoch/batch loop and its records
//   PruneAnalysis              GSL statistics and FFTW spectra
//   MiniCNN                    a real CNN trainer on OpenBLAS
//   PruneReport                CSV, SVG, Markdown, manifests, atomic writes
//   PruneClaims                every claim: setting -> measurement -> prediction -> verdict
//   PruneSweep                 stress sweeps of the rules under controlled noise, sharded
//   PruneRuns                  the runs behind simulate, train and sweep, behind typed requests
//   PruneLabCLI / prunelab     the command-line tool
import PackageDescription

let package = Package(
  name: "PruneLab",
  products: [
    .executable(name: "prunelab", targets: ["prunelab"]),
    .library(name: "PruneCore", targets: ["PruneCore"]),
    .library(name: "PruneSignals", targets: ["PruneSignals"]),
    .library(name: "PruneEngine", targets: ["PruneEngine"]),
    .library(name: "PruneAnalysis", targets: ["PruneAnalysis"]),
    .library(name: "MiniCNN", targets: ["MiniCNN"]),
    .library(name: "PruneReport", targets: ["PruneReport"]),
    .library(name: "PruneClaims", targets: ["PruneClaims"]),
    .library(name: "PruneSweep", targets: ["PruneSweep"]),
    .library(name: "PruneRuns", targets: ["PruneRuns"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // Never name gslcblas here or in a module map: it would take over cblas_sgemm (5 vs 90 GFLOP/s).
    .systemLibrary(
      name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev", "libopenblas-dev"])]),
    .systemLibrary(name: "CFFTW", pkgConfig: "fftw3", providers: [.apt(["libfftw3-dev"])]),
    .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    .target(name: "PruneCore", exclude: ["README.md"]),
    .target(name: "PruneSignals", dependencies: ["PruneCore"], exclude: ["README.md"]),
    .target(
      name: "PruneEngine", dependencies: ["PruneCore", "PruneSignals"], exclude: ["README.md"]),
    .target(
      name: "PruneAnalysis", dependencies: ["PruneCore", "CGSL", "CFFTW", "CBLAS"],
      exclude: ["README.md"]),
    .target(name: "MiniCNN", dependencies: ["PruneCore", "CBLAS", "CZlib"], exclude: ["README.md"]),
    .target(name: "PruneReport", exclude: ["README.md"]),
    .target(
      name: "PruneClaims",
      dependencies: [
        "PruneCore", "PruneSignals", "PruneEngine", "PruneAnalysis", "MiniCNN", "PruneReport",
      ],
      exclude: ["README.md"]),
    .target(
      name: "PruneSweep",
      dependencies: ["PruneCore", "PruneSignals", "PruneEngine", "PruneAnalysis", "PruneReport"],
      exclude: ["README.md"]),
    .target(
      name: "PruneRuns",
      dependencies: [
        "PruneCore", "PruneSignals", "PruneEngine", "PruneAnalysis", "MiniCNN", "PruneReport",
        "PruneSweep",
      ],
      exclude: ["README.md"]),
    .target(
      name: "PruneLabCLI",
      dependencies: [
        "PruneCore", "PruneSignals", "PruneEngine", "PruneAnalysis", "MiniCNN", "PruneReport",
        "PruneClaims", "PruneSweep", "PruneRuns",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "prunelab", dependencies: ["PruneLabCLI"]),
    .executableTarget(
      name: "PruneBench",
      dependencies: ["PruneCore", "PruneSignals", "PruneEngine", "PruneAnalysis", "MiniCNN"]),

    .target(
      name: "_PruneTestSupport", dependencies: ["PruneCore", "PruneSignals", "PruneEngine"],
      path: "Tests/_PruneTestSupport"),
    .testTarget(
      name: "PruneCoreTests",
      dependencies: [
        "PruneCore", "_PruneTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "PruneSignalsTests", dependencies: ["PruneSignals", "_PruneTestSupport"]),
    .testTarget(
      name: "PruneEngineTests",
      dependencies: [
        "PruneEngine", "PruneSignals", "_PruneTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(name: "PruneAnalysisTests", dependencies: ["PruneAnalysis", "_PruneTestSupport"]),
    .testTarget(name: "MiniCNNTests", dependencies: ["MiniCNN", "_PruneTestSupport"]),
    .testTarget(name: "PruneReportTests", dependencies: ["PruneReport", "_PruneTestSupport"]),
    .testTarget(name: "PruneClaimsTests", dependencies: ["PruneClaims", "_PruneTestSupport"]),
    .testTarget(
      name: "PruneSweepTests",
      dependencies: ["PruneSweep", "PruneCore", "PruneSignals", "PruneReport", "_PruneTestSupport"]),
    .testTarget(
      name: "PruneLabCLITests", dependencies: ["PruneLabCLI", "PruneRuns", "_PruneTestSupport"]),
  ]
)
