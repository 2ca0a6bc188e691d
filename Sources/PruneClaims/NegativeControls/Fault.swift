/// A deliberate break of a rule, a model or an assumption, injected into a theory claim so the
/// tests can show that its evidence checks fail when they should (negative controls, issue 9).
///
/// A claim takes its fault through an internal initialiser (`IB1UnbiasedExpectation(fault:)`);
/// `public init()` never sets one, so `prunelab reproduce` always runs the paper's rule. Each
/// case names what it breaks; a claim that does not know a fault ignores it (the tests only
/// pair a claim with the faults it documents).
enum Fault: String, Sendable, Hashable, CaseIterable {
  /// The rule's loss weights are replaced by 1 (InfoBatch or RePB without its rescaling).
  case rescalingRemoved
  /// The scores the rule (or the estimate) sees are permuted across samples, so they carry no
  /// information about the sample they are attached to.
  case scoresShuffled
  /// B-PAS lets the batches it dropped come back every other epoch.
  case prunedBatchesReturn
  /// The filter under test runs with a different alpha than the one the prediction uses.
  case wrongAlpha
  /// InfoBatch without annealing (δ = 1) while the prediction uses the configured δ.
  case annealingRemoved
  /// RePB without its uniform resampling of unused samples.
  case noResampling
  /// The schedule or model the prediction uses is not the rule's (e.g. a linear threshold
  /// schedule instead of the geometric one).
  case wrongSchedule
  /// The prediction comes from a wrong model of the measured quantity (e.g. O(N) growth for a
  /// sort), to show the check can tell the right model from a wrong one.
  case wrongModel
  /// One side of a B-PAS comparison runs thresholds off by a factor of 10^6 (BPAS-8: the 10%
  /// calibration's times 10^6, which prunes every batch at the first decision; BPAS-6: the BN
  /// arm's, BPAS-7: the longer plans' divided by 10^6, which prunes nothing).
  case miscalibrated
  /// A comparison "at the same budget" whose budget is not matched (BPAS-4: the random control
  /// trains every batch; BPAS-9: the sample-level variant trains every sample).
  case savingNotMatched
  /// The setting breaks the paper's assumption (e.g. batches built by class for B-PAS-5,
  /// loss noise that hides the per-sample signal for BLS).
  case assumptionBroken
}
