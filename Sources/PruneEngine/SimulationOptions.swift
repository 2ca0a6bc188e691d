import PruneCore

/// How a ``Simulation`` records.
public struct SimulationOptions: Sendable, Hashable {
  /// Whether to keep per-sample outcomes (times trained, last loss, ...): O(N) memory and a few
  /// stores per trained sample.
  public var recordsSampleOutcomes: Bool
  /// Whether to report B-PAS's DSI: nil decides by the rule (a rule that reads the activation
  /// statistic is a batch-level rule and gets a DSI), true or false forces it.
  public var reportsDSI: Bool?
  /// Threads for a source that measures whole epochs (the synthetic learner; issue 13 item 2):
  /// results are the same for any count. Default: the processors this process may use.
  public var threads: Int

  public init(
    recordsSampleOutcomes: Bool = true, reportsDSI: Bool? = nil,
    threads: Int = ForkJoin.processorCount
  ) {
    self.recordsSampleOutcomes = recordsSampleOutcomes
    self.reportsDSI = reportsDSI
    self.threads = threads
  }
}
