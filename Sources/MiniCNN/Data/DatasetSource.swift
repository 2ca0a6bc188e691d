/// Where a training run's images come from.
public enum DatasetSource: Sendable, Hashable {
  /// Fashion-MNIST from the folder holding the four IDX files.
  case fashionMNIST(directory: String = FashionMNIST.defaultDirectory)
  /// The synthetic image generator.
  case synthetic(SyntheticImageConfiguration)

  /// The command-line name: `fashion-mnist` or `synthetic`.
  public var name: String {
    switch self {
    case .fashionMNIST: return "fashion-mnist"
    case .synthetic: return "synthetic"
    }
  }
}
