/// How a ``Simulation`` records.
public struct SimulationOptions: Sendable, Hashable {
  /// Whether to keep per-sample outcomes (times trained, last loss, ...): O(N) memory and a few
  /// stores per trained sample.
  public var recordsSampleOutcomes: Bool
  /// Whether to report B-PAS's DSI: nil decides by the rule (a rule that reads the activation
  /// statistic is a batch-level rule and gets a DSI), true or false forces it.
  public var reportsDSI: Bool?

  public init(recordsSampleOutcomes: Bool = true, reportsDSI: Bool? = nil) {
    self.recordsSampleOutcomes = recordsSampleOutcomes
    self.reportsDSI = reportsDSI
  }
}
