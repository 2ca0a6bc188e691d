/// The tool's version, written into every manifest.
public enum PruneLabVersion {
  public static let current = "0.1.0"
}
