/// The `PruneReport` namespace.
public enum PruneReport {}
