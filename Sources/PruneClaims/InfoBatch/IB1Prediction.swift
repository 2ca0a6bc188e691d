/// The expected gradient-sum bias of each pruning scheme, in closed form (IB-1).
///
/// With candidates C = {z : H(z) < mean H}, their gradient sum G_C = Σ_{z∈C} g_z, the full sum
/// T = Σ_{z∈D} g_z, keep ratio κ = 1 − r and k = floor(κ|C|) (algorithms.md §1.2):
/// ```
/// rescaled, Bernoulli (paper, Eq. 6-8):     E[Σ_S γ g] − T = 0
/// rescaled, exact count (package):          E[Σ_S γ g] − T = (k / (κ|C|) − 1) G_C
/// unrescaled (same selection, γ = 1):       E[Σ_S g]   − T = −(1 − k/|C|) G_C
/// hard pruning (Eq. 11, drop all of C):     Σ_{D∖C} g  − T = −G_C
/// dynamic random (keep k_N of N, no γ):     E[Σ_S g]   − T = −(1 − k_N/N) T
/// ```
/// Each follows from linearity: a candidate is kept with probability k/|C| (exact count) or κ
/// (Bernoulli) and then weighs γ = 1/κ; a random sample is kept with probability k_N/N.
enum IB1Scheme: String, CaseIterable, Sendable {
  case rescaledExactCount = "rescaled (exact count)"
  case rescaledBernoulli = "rescaled (Bernoulli)"
  case unrescaled = "unrescaled"
  case hard = "hard pruning"
  case random = "dynamic random"

  /// The file-friendly name used in the CSV.
  var slug: String {
    switch self {
    case .rescaledExactCount: return "rescaled-exact"
    case .rescaledBernoulli: return "rescaled-bernoulli"
    case .unrescaled: return "unrescaled"
    case .hard: return "hard"
    case .random: return "random"
    }
  }

  /// E[estimator] − T.
  ///
  /// - Parameters:
  ///   - keepRatio: κ = 1 − r (after the package's clamp to at least 0.1).
  ///   - candidateCount: |C|.
  ///   - keptCandidates: k = floor(κ|C|) for the exact-count selection.
  ///   - keptRandom: k_N, the samples dynamic random pruning keeps.
  ///   - sampleCount: N.
  ///   - candidateSum: G_C.
  ///   - total: T.
  func expectedBias(
    keepRatio: Double, candidateCount: Int, keptCandidates: Int, keptRandom: Int,
    sampleCount: Int, candidateSum: [Double], total: [Double]
  ) -> [Double] {
    let c = Double(candidateCount)
    let factor: Double
    let base: [Double]
    switch self {
    case .rescaledBernoulli:
      return total.map { _ in 0 }
    case .rescaledExactCount:
      factor = candidateCount == 0 ? 0 : Double(keptCandidates) / (keepRatio * c) - 1
      base = candidateSum
    case .unrescaled:
      factor = candidateCount == 0 ? 0 : -(1 - Double(keptCandidates) / c)
      base = candidateSum
    case .hard:
      factor = -1
      base = candidateSum
    case .random:
      factor = -(1 - Double(keptRandom) / Double(sampleCount))
      base = total
    }
    return base.map { factor * $0 }
  }
}
