/// A claim whose measurements are wall-clock times, so they differ from run to run.
///
/// Its page section shows only the settings, quantities, comparisons, tolerances and verdicts;
/// the measured and predicted numbers go to `data/<ID>-checks.csv` and the claim's own tables
/// and figures, which are the documented exception to byte-identical regeneration.
public protocol TimingBasedClaim: Claim {}
