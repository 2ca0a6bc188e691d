/// The `PruneSignals` namespace.
public enum PruneSignals {}
