/// The `PruneClaims` namespace.
public enum PruneClaims {}
