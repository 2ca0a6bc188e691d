#if canImport(Glibc)
import Glibc
#endif

/// The settings of B-PAS (Batch Pruning by Activation Stability, ICLR 2026; algorithms.md §5).
///
/// Defaults are the official notebook's 32 x 32 setting: delta_s = 1e-6, delta_e = 5e-5.
public struct BPASConfiguration: RuleConfiguration, Hashable, Encodable {
  // Not Decodable: synthesized decoding would skip the checks.

  /// delta_s, the threshold scale at the start; positive and finite.
  public internal(set) var deltaStart: Double
  /// delta_e = delta(T), the threshold at the last planned epoch; at least delta_s, finite.
  public internal(set) var deltaEnd: Double

  /// - Throws: ``PruneCoreError/outOfRange(parameter:value:allowed:)`` for a non-positive or
  ///   non-finite delta; ``PruneCoreError/inconsistent(parameters:reason:)`` when
  ///   delta_e < delta_s.
  public init(
    deltaStart: Double = BPASConfiguration.standard.deltaStart,
    deltaEnd: Double = BPASConfiguration.standard.deltaEnd
  ) throws {
    self = .standard
    self.deltaStart = deltaStart
    self.deltaEnd = deltaEnd
    self = try validated()
  }

  /// The notebook's settings.
  public static let standard = BPASConfiguration(checked: ())

  private init(checked: Void) {
    deltaStart = 1e-6
    deltaEnd = 5e-5
  }

  public static let parameters: [Parameter<Self>] = [
    .number(
      "delta-start", \.deltaStart, in: .above(0),
      help: "Threshold scale delta_s of delta(t) = delta_s exp(t ln(delta_e/delta_s)/T)."),
    .number(
      "delta-end", \.deltaEnd, in: .above(0), listing: "[delta-start, infinity)",
      help: "Threshold delta_e = delta(T) at the last planned epoch."),
  ]

  /// The threshold grows from delta_s to delta_e.
  public func checkConsistency() throws {
    guard deltaEnd >= deltaStart else {
      throw PruneCoreError.inconsistent(
        parameters: "deltaStart, deltaEnd",
        reason: "deltaEnd = \(deltaEnd) is below deltaStart = \(deltaStart); the threshold "
          + "grows from delta_s to delta_e, so pass deltaEnd >= deltaStart.")
    }
  }

  /// delta(t) = delta_s exp(t ln(delta_e / delta_s) / T), t the 1-based epoch, T the planned
  /// epochs (algorithms.md §5.3): delta(T) = delta_e, delta(1) is already above delta_s.
  public func threshold(epoch t: Int, plannedEpochs: Int) -> Double {
    let rate = log(deltaEnd / deltaStart) / Double(plannedEpochs)
    return deltaStart * exp(rate * Double(t))
  }
}
