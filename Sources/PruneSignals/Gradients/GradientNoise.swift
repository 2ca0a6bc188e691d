import PruneCore

/// Gaussian gradient noise ε ~ N(0, Σ) with a low-rank-plus-diagonal covariance
/// Σ = U Uᵀ + diag(D) (claims.md IB-1, IB-2; issue 3 item 2).
///
/// A draw is ε = U z + sqrt(D) ⊙ w with z ~ N(0, I_k) and w ~ N(0, I_d): the k columns of U give
/// correlated directions (the "signal-like" part of per-sample gradient noise), D the independent
/// per-coordinate part. k = 0 gives a diagonal Σ, and ``isotropic(dimension:variance:)`` σ² I.
///
/// Draw order, fixed for reproducibility: z_1 … z_k, then w_1 … w_d, each
/// `SeededGenerator.nextGaussian()`; a zero-variance coordinate still consumes its draw.
public struct GradientNoise: Sendable, Hashable {
  /// d, the dimension of a gradient.
  public let dimension: Int
  /// D_j ≥ 0, the diagonal part of Σ.
  public let diagonalVariances: [Double]
  /// The k columns u_1 … u_k of U, each of length d.
  public let factors: [[Double]]

  /// - Throws: ``PruneSignalsError`` when d < 1, a variance is negative or non-finite, or a factor
  ///   does not have length d.
  public init(diagonalVariances: [Double], factors: [[Double]] = []) throws {
    guard !diagonalVariances.isEmpty else {
      throw PruneSignalsError.outOfRange(
        parameter: "GradientNoise dimension", value: 0, allowed: "an integer >= 1")
    }
    for variance in diagonalVariances where !(variance >= 0 && variance.isFinite) {
      throw PruneSignalsError.outOfRange(
        parameter: "GradientNoise diagonal variance", value: variance, allowed: "[0, inf)")
    }
    for factor in factors {
      guard factor.count == diagonalVariances.count else {
        throw PruneSignalsError.mismatch(
          detail: "GradientNoise factors: a factor has \(factor.count) entries but the "
            + "dimension is \(diagonalVariances.count); give every factor one entry per "
            + "coordinate.")
      }
      for value in factor where !value.isFinite {
        throw PruneSignalsError.outOfRange(
          parameter: "GradientNoise factor entry", value: value, allowed: "(-inf, inf)")
      }
    }
    self.dimension = diagonalVariances.count
    self.diagonalVariances = diagonalVariances
    self.factors = factors
  }

  /// σ² I in d dimensions.
  public static func isotropic(dimension: Int, variance: Double) throws -> GradientNoise {
    guard dimension >= 1 else {
      throw PruneSignalsError.outOfRange(
        parameter: "dimension", value: Double(dimension), allowed: "an integer >= 1")
    }
    return try GradientNoise(diagonalVariances: Array(repeating: variance, count: dimension))
  }

  /// tr Σ = Σ_j D_j + Σ_m ‖u_m‖²: the expected squared norm E‖ε‖².
  public var trace: Double {
    diagonalVariances.reduce(0, +) + factors.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } }
  }

  /// Σ = U Uᵀ + diag(D) as a row-major d × d matrix (for checks and analytic predictions).
  public var covariance: [Double] {
    var matrix = [Double](repeating: 0, count: dimension * dimension)
    for j in 0..<dimension { matrix[j * dimension + j] = diagonalVariances[j] }
    for factor in factors {
      for row in 0..<dimension {
        for column in 0..<dimension {
          matrix[row * dimension + column] += factor[row] * factor[column]
        }
      }
    }
    return matrix
  }

  /// Adds one draw of ε to `vector` (length d), in the documented draw order.
  ///
  /// - Complexity: O(*d*(*k* + 1)); no allocation.
  public func addDraw(to vector: inout [Double], using generator: inout SeededGenerator) {
    precondition(vector.count == dimension, "vector must have the noise's dimension")
    for factor in factors {
      let z = generator.nextGaussian()
      for j in 0..<dimension { vector[j] += z * factor[j] }
    }
    for j in 0..<dimension {
      let w = generator.nextGaussian()
      vector[j] += w * diagonalVariances[j].squareRoot()
    }
  }
}
