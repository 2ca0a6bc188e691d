import ArgumentParser
import PruneCore

extension PruneLab {
  /// `prunelab rules`: every rule with its parameters and defaults, from ``RuleCatalog``.
  public struct Rules: ParsableCommand {
    public static let configuration = CommandConfiguration(
      abstract: "List every pruning rule with its options, defaults and allowed values.",
      discussion: """
        Pass a rule's options to `prunelab simulate --rule NAME` as --option value, for \
        example `prunelab simulate --rule infobatch --prune-ratio 0.3 --score bls --alpha 0.7`. \
        A boolean option may be written alone (--rescale) or negated (--no-rescale).
        """)

    public init() {}

    public func run() throws {
      print(Self.listing(), terminator: "")
    }

    /// The listing: per rule its name, summary and signals, then one line per option.
    static func listing() -> String {
      var text = ""
      for rule in RuleCatalog.rules {
        text += "\(rule.name)\n  \(rule.summary)\n"
        text += "  needs: \(rule.requiredSignals)\n"
        let width = rule.parameters.map { $0.option.count + 2 }.max() ?? 0
        for parameter in rule.parameters {
          let name = "--" + parameter.option
          let padding = String(repeating: " ", count: width - name.count)
          text += "  \(name)\(padding)  default \(parameter.defaultValue); "
            + "allowed \(parameter.allowed)\n"
          text += "  \(String(repeating: " ", count: width))  \(parameter.help)\n"
        }
        text += "\n"
      }
      return text
    }
  }
}
