/// The settings of RePB (Inconsistency Biases in Dynamic Data Pruning, ICLR 2026; algorithms.md
/// Part A "RePB", §4).
///
/// The official code was not available; every open point of the paper rule is a parameter here.
/// Defaults: rho 0.5, window of 1 batch, resampling on, no weight clipping, no annealing.
public struct RePBConfiguration: RuleConfiguration, Hashable, Encodable {
  // Not Decodable: synthesized decoding would skip the checks.

  /// rho: a below-window-mean sample is dropped with probability rho, and a sample not used in
  /// an epoch re-enters with probability 1 - rho. In [0, 1).
  public internal(set) var rho: Double
  /// W, the number of consecutive batches whose scores make one window mean; at least 1.
  public internal(set) var windowBatches: Int
  /// Optional upper bound on the CTR weight E / N_i(E) (the paper has none); at least 1.
  public internal(set) var maxWeight: Double?
  /// Optional InfoBatch-style annealing: epoch e may prune iff e + 1 <= numEpochs x delta.
  public internal(set) var delta: Double?
  /// Whether samples not used in an epoch may re-enter the next with probability 1 - rho
  /// (the paper's uniform resampling; off only to study pool collapse, claim RePB-2).
  public internal(set) var resampling: Bool

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for a value outside its
  ///   range (NaN included).
  public init(
    rho: Double = RePBConfiguration.standard.rho,
    windowBatches: Int = RePBConfiguration.standard.windowBatches,
    maxWeight: Double? = RePBConfiguration.standard.maxWeight,
    delta: Double? = RePBConfiguration.standard.delta,
    resampling: Bool = RePBConfiguration.standard.resampling
  ) throws {
    self = .standard
    self.rho = rho
    self.windowBatches = windowBatches
    self.maxWeight = maxWeight
    self.delta = delta
    self.resampling = resampling
    self = try validated()
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

  public static let parameters: [Parameter<Self>] = [
    .number(
      "rho", \.rho, in: .closedOpen(0, 1),
      help: "Drop probability of a below-window-mean sample; 1 - rho re-entry of unused."),
    .integer(
      "window", \.windowBatches, atLeast: 1,
      help: "Batches per window mean (1: scores from one model state)."),
    .optionalNumber(
      "max-weight", \.maxWeight, in: .atLeast(1),
      help: "Clip the CTR weight E / N_i(E) at this value."),
    .flag(
      "resampling", \.resampling,
      help: "Let unused samples re-enter with probability 1 - rho (false: pool collapse)."),
    .optionalNumber(
      "delta", \.delta, in: .closed(0, 1),
      help: "Annealing: epoch e prunes iff e + 1 <= epochs x delta (off by default)."),
  ]
}
