/// The `MiniCNN` namespace.
public enum MiniCNN {}
