/// How a test varies a ``VariableClaim``: a deliberate break for its negative control, and
/// inputs fixed instead of the ones the run profile chooses (a tiny workload's calibrated B-PAS
/// thresholds may drop nothing, and its plans are short). `reproduce` runs every claim with
/// ``none``; a claim reads only the parts it has.
public struct ClaimVariation: Sendable {
  /// A deliberate break (negative control); nil for the claim.
  let fault: Fault?
  /// B-PAS threshold settings instead of the profile's (BPAS-4/6/7; BPAS-9 trains the first).
  let thresholds: [BPASThresholdSetting]?
  /// Planned epoch counts instead of the profile's (BPAS-7).
  let epochCounts: [Int]?

  init(
    fault: Fault? = nil, thresholds: [BPASThresholdSetting]? = nil, epochCounts: [Int]? = nil
  ) {
    self.fault = fault
    self.thresholds = thresholds
    self.epochCounts = epochCounts
  }

  /// No variation: the claim as `reproduce` runs it.
  public static let none = ClaimVariation()
}
