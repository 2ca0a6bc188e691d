/// What happened to each sample over a simulation (the rows of `samples.csv`).
public struct SampleOutcomes: Sendable, Equatable {
  /// How many epochs trained sample i.
  public var timesTrained: [Int]
  /// The sum of the effective loss weights of sample i's visits.
  public var weightedTimesTrained: [Double]
  /// The last epoch that trained sample i, or −1.
  public var lastTrainedEpoch: [Int]
  /// The loss measured at sample i's last visit, or nil when it was never measured (never
  /// trained, or the source gives no per-sample loss).
  public var lastLoss: [Double?]
  /// Sample i's class label, when the source has labels.
  public var labels: [Int]?

  init(sampleCount: Int, labels: [Int]?) {
    timesTrained = [Int](repeating: 0, count: sampleCount)
    weightedTimesTrained = [Double](repeating: 0, count: sampleCount)
    lastTrainedEpoch = [Int](repeating: -1, count: sampleCount)
    lastLoss = [Double?](repeating: nil, count: sampleCount)
    self.labels = labels
  }

  /// The number of samples.
  public var count: Int { timesTrained.count }

  /// The number of samples never trained.
  public var neverTrainedCount: Int {
    var count = 0
    for times in timesTrained where times == 0 { count += 1 }
    return count
  }

  /// The columns of `samples.csv`.
  public static let csvHeader = [
    "sample", "label", "times_trained", "weighted_times_trained", "last_trained_epoch",
    "last_loss",
  ]

  /// Row `sample`'s fields, parallel to ``csvHeader`` (absent values as empty fields).
  public func csvFields(ofSample sample: Int) -> [String] {
    [
      "\(sample)", labels.map { "\($0[sample])" } ?? "", "\(timesTrained[sample])",
      "\(weightedTimesTrained[sample])", "\(lastTrainedEpoch[sample])",
      lastLoss[sample].map { "\($0)" } ?? "",
    ]
  }
}
