/// The B-PAS threshold pairs the end-to-end claims run.
///
/// The paper's thresholds (delta_s 1e-6, delta_e 5e-5) come from 32 x 32 ResNet training; on the
/// small ref-cnn the activation statistic moves far more from epoch to epoch, so few or no
/// batches fall below them. The claims therefore also run a PruneLab setting with both
/// thresholds 1000 times larger, labelled as such: it is not the paper's setting.
struct BPASThresholdSetting: Sendable, Hashable {
  let label: String
  let deltaStart: Double
  let deltaEnd: Double

  static let paper = BPASThresholdSetting(
    label: "paper thresholds 1e-6..5e-5", deltaStart: 1e-6, deltaEnd: 5e-5)
  static let scaled = BPASThresholdSetting(
    label: "PruneLab thresholds 1e-3..5e-2 (x1000, not the paper's)", deltaStart: 1e-3,
    deltaEnd: 5e-2)
  static let all = [paper, scaled]

  /// The settings a profile runs: both in the small profiles; in the paper profile only the
  /// scaled one (the paper's thresholds drop no batch of the ref-cnn in the quick profile, and
  /// each setting costs 3 runs per claim of the 12-hour budget).
  static func settings(for profile: RunProfile) -> [BPASThresholdSetting] {
    profile.pick(small: all, paper: [scaled])
  }

  /// The B-PAS rule choice with these thresholds.
  var choice: RuleChoice {
    RuleChoice(
      label: "bpas \(deltaStart)..\(deltaEnd)", ruleName: "bpas",
      options: [("delta-start", "\(deltaStart)"), ("delta-end", "\(deltaEnd)")])
  }
}
