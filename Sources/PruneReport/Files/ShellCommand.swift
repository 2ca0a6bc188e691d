/// Shell quoting for commands printed in manifests and notebook pages.
public enum ShellCommand {
  /// Joins `arguments` with spaces, single-quoting each one that holds anything but letters,
  /// digits and `-_./=:,+@%`; an embedded `'` becomes `'\''` (POSIX sh).
  public static func quoted(_ arguments: [String]) -> String {
    arguments.map(quoted).joined(separator: " ")
  }

  /// One argument, quoted when the shell would otherwise split or expand it.
  public static func quoted(_ argument: String) -> String {
    let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
    if !argument.isEmpty, argument.allSatisfy(plain.contains) { return argument }
    var output = "'"
    for character in argument {
      output += character == "'" ? "'\\''" : String(character)
    }
    return output + "'"
  }
}
