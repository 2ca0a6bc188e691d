/// An end-to-end claim computed on a workload of the mini-CNN (cnn.md): `reproduce` runs it on
/// the run profile's workload, the tests on a tiny one.
///
/// The forwarding from ``Claim/run(in:)`` is written here once instead of in every claim.
public protocol WorkloadClaim: TrainingBasedClaim {
  /// The claim on `workload`.
  func run(in context: ClaimContext, workload: EndToEndWorkload) throws -> ClaimResult
}

extension WorkloadClaim {
  /// The claim on the run profile's workload.
  public func run(in context: ClaimContext) throws -> ClaimResult {
    try run(in: context, workload: context.runProfile.workload)
  }
}

/// A ``WorkloadClaim`` a test can vary (``ClaimVariation``): break it on purpose for its
/// negative control, or fix inputs the run profile would choose.
public protocol VariableClaim: WorkloadClaim {
  /// The claim on `workload`, varied by `variation` (``ClaimVariation/none``: the claim itself).
  func run(in context: ClaimContext, workload: EndToEndWorkload, variation: ClaimVariation)
    throws -> ClaimResult
}

extension VariableClaim {
  /// The claim itself on `workload`.
  public func run(in context: ClaimContext, workload: EndToEndWorkload) throws -> ClaimResult {
    try run(in: context, workload: workload, variation: .none)
  }
}
