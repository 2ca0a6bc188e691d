/// The `PruneAnalysis` namespace.
public enum PruneAnalysis {}
