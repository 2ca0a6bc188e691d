/// The paper a claim comes from; each family has one notebook page.
public enum ClaimFamily: String, Sendable, Hashable, Codable, CaseIterable {
  case infoBatch = "infobatch"
  case bls
  case repb
  case bpas
  case crossRule = "cross-rule"

  /// The page's file name in `notebooks-md/`.
  public var pageName: String { rawValue + ".md" }

  /// The paper, as cited on the page.
  public var paper: String {
    switch self {
    case .infoBatch:
      return "InfoBatch: Lossless Training Speed Up by Unbiased Dynamic Data Pruning "
        + "(Qin et al., ICLR 2024, arXiv 2303.04947)"
    case .bls:
      return "Batch Loss Score for Dynamic Data Pruning (CVPR 2026, arXiv 2604.04681)"
    case .repb:
      return "Inconsistency Biases in Dynamic Data Pruning (RePB, ICLR 2026)"
    case .bpas:
      return "Batch Pruning by Activation Stability (B-PAS, ICLR 2026)"
    case .crossRule:
      return "All four papers, compared on the mini-CNN"
    }
  }

  /// The page title.
  public var title: String {
    switch self {
    case .infoBatch: return "InfoBatch claims"
    case .bls: return "Batch Loss Score (BLS) claims"
    case .repb: return "RePB claims"
    case .bpas: return "B-PAS claims"
    case .crossRule: return "Cross-rule claims"
    }
  }
}
