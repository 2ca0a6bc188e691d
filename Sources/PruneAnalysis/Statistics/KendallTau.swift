extension Correlation {
  /// Kendall's tau-b, the rank correlation corrected for ties:
  /// ```
  /// τ_b = (n_c - n_d) / sqrt((n_0 - n_1)(n_0 - n_2))
  /// n_0 = n(n-1)/2, n_1 = Σ_x-ties t(t-1)/2, n_2 = Σ_y-ties u(u-1)/2
  /// ```
  /// n_c and n_d count concordant and discordant pairs; a pair tied in x or y counts in neither.
  ///
  /// Knight's algorithm (J. Amer. Statist. Assoc. 61, 1966): sort the pairs by (x, y), then
  /// merge-sort them by y counting the exchanges, which number exactly n_d; with n_3 the pairs
  /// tied in both, n_c - n_d = n_0 - n_1 - n_2 + n_3 - 2 n_d.
  ///
  /// - Throws: As ``pearson(_:_:)``.
  /// - Complexity: O(*n* log *n*) time, O(*n*) extra space.
  public static func kendallTauB(
    _ x: [Double], _ y: [Double]
  ) throws(PruneAnalysisError) -> Double {
    try Validation.requirePaired(x, y, minimum: 2, function: "kendallTauB")
    try requireNotConstant(x, y, function: "kendallTauB")
    let n = x.count
    var order = Array(0..<n)
    order.sort { x[$0] != x[$1] ? x[$0] < x[$1] : y[$0] < y[$1] }
    let totalPairs = n * (n - 1) / 2
    var tiedInX = 0
    var tiedInBoth = 0
    var runX = 1
    var runBoth = 1
    for position in 1..<n {
      let current = order[position]
      let previous = order[position - 1]
      if x[current] == x[previous] {
        runX += 1
        if y[current] == y[previous] {
          runBoth += 1
        } else {
          tiedInBoth += runBoth * (runBoth - 1) / 2
          runBoth = 1
        }
      } else {
        tiedInX += runX * (runX - 1) / 2
        tiedInBoth += runBoth * (runBoth - 1) / 2
        runX = 1
        runBoth = 1
      }
    }
    tiedInX += runX * (runX - 1) / 2
    tiedInBoth += runBoth * (runBoth - 1) / 2

    var keys = order.map { y[$0] }
    let discordant = Self.countExchangesWhileSorting(&keys)
    var tiedInY = 0
    var runY = 1
    for position in 1..<n {
      if keys[position] == keys[position - 1] {
        runY += 1
      } else {
        tiedInY += runY * (runY - 1) / 2
        runY = 1
      }
    }
    tiedInY += runY * (runY - 1) / 2

    let score = totalPairs - tiedInX - tiedInY + tiedInBoth - 2 * discordant
    let denominator = (Double(totalPairs - tiedInX) * Double(totalPairs - tiedInY)).squareRoot()
    return Double(score) / denominator
  }

  /// Sorts `keys` ascending with a stable bottom-up merge sort and returns how many pairs were out
  /// of order (i < j with keys[i] > keys[j]; equal keys are not counted).
  static func countExchangesWhileSorting(_ keys: inout [Double]) -> Int {
    let n = keys.count
    var buffer = keys
    var exchanges = 0
    var width = 1
    while width < n {
      var start = 0
      while start < n {
        let middle = min(start + width, n)
        let end = min(start + 2 * width, n)
        var left = start
        var right = middle
        var out = start
        while left < middle && right < end {
          if keys[right] < keys[left] {
            buffer[out] = keys[right]
            exchanges += middle - left
            right += 1
          } else {
            buffer[out] = keys[left]
            left += 1
          }
          out += 1
        }
        while left < middle {
          buffer[out] = keys[left]
          left += 1
          out += 1
        }
        while right < end {
          buffer[out] = keys[right]
          right += 1
          out += 1
        }
        start = end
      }
      swap(&keys, &buffer)
      width *= 2
    }
    return exchanges
  }
}
