/// The `PruneEngine` namespace.
public enum PruneEngine {}
