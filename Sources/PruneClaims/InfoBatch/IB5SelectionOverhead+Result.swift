#if canImport(Glibc)
  import Glibc
#endif

extension IB5SelectionOverhead {
  /// Mean and standard error of the mean of a list of counts.
  static func meanAndStandardError(_ counts: [Int]) -> (mean: Double, error: Double) {
    let values = counts.map(Double.init)
    guard !values.isEmpty else { return (.nan, .nan) }
    let mean = values.reduce(0, +) / Double(values.count)
    guard values.count > 1 else { return (mean, 0) }
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    let deviation = (squares / Double(values.count - 1)).squareRoot()
    return (mean, deviation / Double(values.count).squareRoot())
  }

  /// The reference count per score the kernels are compared with (claims.md "IB-5"):
  /// 2 reads for the mean threshold, 2 + 2 ln 2 comparisons for quickselect's median,
  /// log2(N!)/N comparisons (the lower bound of any comparison sort) for the full sort.
  static func referencePerScore(_ operation: Operation, size: Int) -> Double {
    switch operation {
    case .meanThreshold: return 2
    case .quickselect: return 2 + 2 * log(2.0)
    case .sort: return SelectionKernels.sortLowerBoundPerElement(size)
    case .infoBatchPlan: return .nan
    }
  }

  static func result(
    setting: Setting, seed: UInt64, measurements: [Measurement], fault: Fault? = nil
  ) throws -> ClaimResult {
    let (n1, n2) = setting.comparedSizes
    guard n2 > n1 else {
      throw ClaimsError.computationFailed(id: "IB-5", reason: "needs two distinct sizes")
    }
    func measurement(_ operation: Operation, _ size: Int) -> Measurement? {
      measurements.first { $0.operation == operation && $0.size == size }
    }
    let span = log(Double(n2) / Double(n1))
    var checks: [ClaimCheck] = []
    for operation in Operation.allCases {
      guard let unit = operation.countedUnit,
        let small = measurement(operation, n1), let large = measurement(operation, n2)
      else { continue }
      let a = meanAndStandardError(small.counts)
      let b = meanAndStandardError(large.counts)
      // Standard error of log(mean count) is error / mean; the two sizes are independent.
      let spread = ((a.error / a.mean) * (a.error / a.mean) + (b.error / b.mean) * (b.error / b.mean))
        .squareRoot() / span
      let name = "\(operation.rawValue), N = \(n1) → \(n2)"
      let quantity = "growth exponent of \(unit) log(C_2/C_1) / log(N_2/N_1)"
      let measured = log(b.mean / a.mean) / span
      var predicted = operation.predictedExponent(from: n1, to: n2)
      if fault == .wrongModel && operation == .sort { predicted = 1 }
      switch operation {
      case .meanThreshold:
        // Two passes over the scores read 2N elements by construction.
        checks.append(
          .sanity(
            setting: name, quantity: quantity, measured: measured, predicted: predicted,
            tolerance: 1e-12, basis: "exact: two passes read 2N elements"))
      case .sort:
        checks.append(
          ClaimCheck(
            setting: name, quantity: quantity, measured: measured, predicted: predicted,
            uncertainty: spread, tolerance: sortExponentTolerance(from: n1, to: n2),
            basis: "deterministic count; tolerance = range of the merge sort's N log N − cN term"))
      default:
        checks.append(
          ClaimCheck(
            setting: name, quantity: quantity, measured: measured, predicted: predicted,
            uncertainty: spread, tolerance: 2 * spread,
            basis: "SE over random pivots (\(small.counts.count), \(large.counts.count) trials); "
              + "tolerance 2 SE"))
      }
    }
    return ClaimResult(
      claim: Self(),
      statement: "Mean-threshold selection costs O(N) per epoch (O(1) per sample), while "
        + "percentile selection by sorting costs O(N log N); the whole InfoBatch plan is a small "
        + "O(N) overhead.",
      equation: "C_mean(N) = 2N,  C_select(N) ≈ (2 + 2 ln 2) N,  "
        + "C_sort(N) ≥ log2(N!) ≈ N log2 N − N log2 e\n"
        + "exponent log(C(N_2)/C(N_1)) / log(N_2/N_1): 1 for O(N), "
        + "1 + log(log N_2 / log N_1) / log(N_2/N_1) for O(N log N)",
      setting: [
        ("sizes N", setting.sizes.map(String.init).joined(separator: ", ")),
        ("counted", "mean threshold: element reads; quickselect and sort: comparisons"),
        ("quickselect pivot draws", "\(setting.selectTrials) per size (seeded)"),
        ("timed repetitions", "\(setting.repetitions) (CPU time; fastest and median in the CSV)"),
        ("scores", "log-normal, σ = 1, Double"),
        ("percentile", "the median (rank N/2)"),
        ("sort", "top-down merge sort (counted comparisons)"),
        ("rule", "InfoBatch (PruneCore), r = 0.5, exact count (timed only)"),
        ("seed", String(seed)),
        (
          "tolerance",
          "sort: \(PageNumber.spread(sortExponentTolerance(from: n1, to: n2), digits: 2)) "
            + "(its lower-order term); quickselect: 2 SE"
        ),
      ],
      checks: checks,
      tables: [countTable(measurements), timingTable(measurements)],
      figures: [try timingFigure(measurements, sizes: setting.sizes)],
      discussion: discussion)
  }

  /// The operation counts: deterministic given the seed, shown on the page.
  static func countTable(_ measurements: [Measurement]) -> ClaimTable {
    let rows = measurements.compactMap { m -> [String]? in
      guard let unit = m.operation.countedUnit else { return nil }
      let count = meanAndStandardError(m.counts).mean
      let mean = measurements.first { $0.operation == .meanThreshold && $0.size == m.size }
      let meanCount = mean.map { meanAndStandardError($0.counts).mean } ?? .nan
      return [
        String(m.size), m.operation.slug, unit, PageNumber.format(count),
        PageNumber.format(count / Double(m.size)),
        PageNumber.format(referencePerScore(m.operation, size: m.size)),
        PageNumber.format(count / meanCount),
      ]
    }
    return ClaimTable(
      name: "selection-counts",
      caption: "One row per size N and counted operation: its elementary operations (mean over "
        + "the pivot draws for quickselect), per score, the reference per score (2; 2 + 2 ln 2; "
        + "log2(N!)/N), and the ratio to the mean threshold's reads at the same N. "
        + "Deterministic given the seed.",
      header: [
        "size", "operation", "unit", "count", "per_score", "reference_per_score", "ratio_to_mean",
      ],
      rows: rows, showOnPage: true)
  }

  /// The CPU times: measurements that change from run to run, kept off the page.
  static func timingTable(_ measurements: [Measurement]) -> ClaimTable {
    let rows = measurements.map { m -> [String] in
      let mean = measurements.first { $0.operation == .meanThreshold && $0.size == m.size }
      return [
        String(m.size), m.operation.slug, ClaimTable.format(m.fastest),
        ClaimTable.format(m.median), ClaimTable.format(m.fastest / (mean?.fastest ?? .nan)),
        ClaimTable.format(m.fastest / Double(m.size) * 1e9),
      ]
    }
    return ClaimTable(
      name: "selection-timings",
      caption: "One row per size N and operation: fastest and median thread CPU time of the "
        + "repetitions (seconds), the ratio to the mean threshold at the same N, and nanoseconds "
        + "per score. Timings vary from run to run and machine to machine.",
      header: [
        "size", "operation", "fastest_cpu_seconds", "median_cpu_seconds", "ratio_to_mean",
        "nanoseconds_per_score",
      ],
      rows: rows)
  }

  static let discussion = """
    **Counts decide, timings illustrate.** The verdict compares operation counts — the mean \
    threshold's element reads, quickselect's and the sort's comparisons between scores — \
    which depend only on the scores and the seeded pivot draws, so this section is the same \
    on every run with the same seed. The CPU times of the same kernels (and of the whole \
    InfoBatch epoch plan: threshold, subset draw, weights, shuffle) are measurements: they \
    change with the machine and its load, so they stay off this page, in the linked timing \
    CSV and figure, the documented exception to byte-identical regeneration. Counts leave \
    out memory effects (both checked sizes exceed the caches, so every kernel streams from \
    main memory at both), which is why the timings' constants differ from the counts'.

    The checked sizes are the paper's, 1.28e6 (ImageNet-1k) and 1.4e7; they differ by a \
    factor of about 11, so the O(N log N) sort is predicted to grow only slightly faster \
    than linearly (exponent ≈ 1.066). Counts have no timing noise, so the sort's exponent \
    tolerance is the shift a linear lower-order term (N log2 N − c N, 0.9 ≲ c ≤ log2 e) can \
    cause, 0.005, an order of magnitude below the gap between the classes. The mean \
    threshold reads 2N scores by construction (two passes), so its exponent is a sanity \
    check; the evidence is that the alternatives grow as their models predict. The sort is a top-down merge sort, whose count lies between log2(N!) and its \
    worst case N⌈log2 N⌉ − 2^⌈log2 N⌉ + 1, i.e. c ≈ 0.9–1.44, inside that range (the \
    standard library's sort extends short runs by linear insertion, a linear term of about \
    10 N that the counts would show as a smaller exponent). Quickselect's count is random through its pivots; its uncertainty is the \
    standard error over the seeded pivot draws, in exponent units, and its tolerance 2 \
    standard errors. Its comparisons per score \
    are shown next to Knuth's expected 2 + 2 ln 2 ≈ 3.39 for the median but not checked: the \
    count's spread over pivot draws is a sizeable fraction of its mean, so a few draws cannot \
    pin the constant to a few percent, while the exponent only needs the growth. The ratio column shows the \
    constant that matters: a full sort makes about log2 N / 2 times as many operations as \
    the mean threshold's two passes, and even quickselect makes nearly twice as many. The \
    InfoBatch plan is timed, not counted; its time is a few passes over the scores, \
    milliseconds at N = 1.28e6, negligible next to an ImageNet epoch of minutes (InfoBatch \
    App. D reports about 10 s of overhead over 90 epochs); no ImageNet epoch is timed here, \
    so no fraction of an epoch is reported.
    """
}
