/// The settings of RePB (Inconsistency Biases in Dynamic Data Pruning, ICLR 2026; algorithms.md
/// Part A "RePB", §4).
///
/// The official code was not available; every open point of the paper rule is a parameter here.
/// Defaults: rho 0.5, window of 1 batch, resampling on, no weight clipping, no annealing.
public struct RePBConfiguration: Sendable, Hashable, Encodable {
  // Not Decodable: synthesized decoding would skip the checks.

  /// rho: a below-window-mean sample is dropped with probability rho, and a sample not used in
  /// an epoch re-enters with probability 1 - rho. In [0, 1).
  public let rho: Double
  /// W, the number of consecutive batches whose scores make one window mean; at least 1.
  public let windowBatches: Int
  /// Optional upper bound on the CTR weight E / N_i(E) (the paper has none); at least 1.
  public let maxWeight: Double?
  /// Optional InfoBatch-style annealing: epoch e may prune iff e + 1 <= numEpochs x delta.
  public let delta: Double?
  /// Whether samples not used in an epoch may re-enter the next with probability 1 - rho
  /// (the paper's uniform resampling; off only to study pool collapse, claim RePB-2).
  public let resampling: Bool

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for a value outside its
  ///   range (NaN included).
  public init(
    rho: Double = 0.5, windowBatches: Int = 1, maxWeight: Double? = nil, delta: Double? = nil,
    resampling: Bool = true
  ) throws {
    guard rho >= 0, rho < 1 else {
      throw PruneCoreError.outOfRange(parameter: "rho", value: rho, allowed: "[0, 1)")
    }
    guard windowBatches >= 1 else {
      throw PruneCoreError.outOfRange(
        parameter: "window", value: Double(windowBatches), allowed: "an integer >= 1")
    }
    if let maxWeight {
      guard maxWeight >= 1, maxWeight.isFinite else {
        throw PruneCoreError.outOfRange(
          parameter: "maxWeight", value: maxWeight, allowed: "[1, infinity)")
      }
    }
    if let delta {
      guard delta >= 0, delta <= 1 else {
        throw PruneCoreError.outOfRange(parameter: "delta", value: delta, allowed: "[0, 1]")
      }
    }
    self.rho = rho
    self.windowBatches = windowBatches
    self.maxWeight = maxWeight
    self.delta = delta
    self.resampling = resampling
  }

  /// The paper's defaults.
  public static let standard = RePBConfiguration(checked: ())

  private init(checked: Void) {
    rho = 0.5
    windowBatches = 1
    maxWeight = nil
    delta = nil
    resampling = true
  }
}
