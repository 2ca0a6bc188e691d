#if canImport(Glibc)
  import Glibc
#endif

extension IB5SelectionOverhead {
  static func result(setting: Setting, seed: UInt64, timings: [Timing]) throws -> ClaimResult {
    let (n1, n2) = setting.comparedSizes
    guard n2 > n1 else {
      throw ClaimsError.computationFailed(id: "IB-5", reason: "needs two distinct sizes")
    }
    func timing(_ operation: Operation, _ size: Int) -> Timing? {
      timings.first { $0.operation == operation && $0.size == size }
    }
    let span = log(Double(n2) / Double(n1))
    var checks: [ClaimCheck] = []
    for operation in Operation.allCases {
      guard let small = timing(operation, n1), let large = timing(operation, n2) else { continue }
      let exponent = log(large.fastest / small.fastest) / span
      let spread = (log(large.median / large.fastest) + log(small.median / small.fastest)) / span
      checks.append(
        ClaimCheck(
          setting: "\(operation.rawValue), N = \(n1) → \(n2)",
          quantity: "growth exponent log(t_2/t_1) / log(N_2/N_1)",
          measured: exponent, predicted: operation.predictedExponent(from: n1, to: n2),
          uncertainty: spread, tolerance: tolerance))
    }
    let rows = timings.map { t -> [String] in
      let mean = timing(.meanThreshold, t.size)?.fastest ?? .nan
      return [
        String(t.size), t.operation.slug, ClaimTable.format(t.fastest),
        ClaimTable.format(t.median), ClaimTable.format(t.fastest / mean),
        ClaimTable.format(t.fastest / Double(t.size) * 1e9),
      ]
    }
    let table = ClaimTable(
      name: "selection-timings",
      caption: "One row per size N and operation: fastest and median of the repetitions "
        + "(seconds), the ratio to the mean threshold at the same N, and nanoseconds per score. "
        + "Timings vary from run to run and machine to machine.",
      header: [
        "size", "operation", "fastest_seconds", "median_seconds", "ratio_to_mean",
        "nanoseconds_per_score",
      ],
      rows: rows)
    let figure = try timingFigure(timings, sizes: setting.sizes)
    return ClaimResult(
      id: "IB-5", family: .infoBatch, title: "O(1) selection overhead",
      statement: "Mean-threshold selection costs O(N) per epoch (O(1) per sample), while "
        + "percentile selection by sorting costs O(N log N); the whole InfoBatch plan is a small "
        + "O(N) overhead.",
      equation: "t_mean(N) ∝ N,  t_select(N) ∝ N (expected),  t_sort(N) ∝ N log N",
      setting: [
        ("sizes N", setting.sizes.map(String.init).joined(separator: ", ")),
        ("repetitions", "\(setting.repetitions) (fastest kept; median reported)"),
        ("scores", "log-normal, σ = 1, Double"),
        ("percentile", "the median (rank N/2)"),
        ("rule", "InfoBatch (PruneCore), r = 0.5, exact count"),
        ("seed", String(seed)),
        ("tolerance", "\(tolerance) (absolute, on the growth exponent)"),
      ],
      checks: checks, tables: [table], figures: [figure],
      discussion: """
        **Timings vary.** Unlike every other claim, this one measures wall-clock time, so its \
        table, figure and measured exponents change from run to run (and with the load of the \
        machine); they are kept off this page and regenerated in the linked CSV and figure on \
        every run, and on a loaded machine a verdict can move between holds and inconclusive. \
        Regenerating with the same seed reproduces the setting and the predictions, not the \
        timings. The verdict compares growth exponents, which are \
        robust to the machine's speed; each uncertainty is the spread between the fastest and \
        the median repetition, in exponent units.

        The checked sizes are the paper's, 1.28e6 (ImageNet-1k) and 1.4e7; both exceed the \
        caches. Below the cache size (the full profile also times N = 1.28e5) the plan's \
        shuffle and subset draw touch memory at random yet hit the cache, so a pair of sizes \
        straddling the cache boundary shows a steeper growth that comes from memory latency, \
        not from the algorithm.

        The checked sizes differ by a factor of about 11, so an O(N log N) sort is predicted \
        to grow \
        only slightly faster than linearly (exponent ≈ 1.07): the exponents alone barely tell \
        the two classes apart, but the ratio column shows the constant that matters — a full \
        sort costs tens of times the mean threshold, and the whole InfoBatch plan (threshold, \
        subset draw, weights, shuffle) costs a few passes over the scores. At N = 1.28e6 that \
        is milliseconds per epoch, negligible next to an ImageNet epoch of minutes \
        (InfoBatch App. D reports about 10 s of overhead over 90 epochs); this page reports the \
        absolute times rather than a fraction, because no ImageNet epoch is timed here.
        """)
  }
}
