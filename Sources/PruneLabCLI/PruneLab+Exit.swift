import ArgumentParser
import Foundation
import MiniCNN
import PruneClaims
import PruneCore
import PruneEngine
import PruneReport
import PruneRuns
import PruneSignals
import PruneSweep

#if canImport(Glibc)
  import Glibc
#endif

/// The exit statuses `prunelab` promises to scripts (the sysexits.h values).
public enum PruneLabExitStatus: Int32, Sendable, CaseIterable {
  /// Success.
  case success = 0
  /// Any error without a better status.
  case failure = 1
  /// EX_USAGE: a bad option, an out-of-range parameter, a rule that cannot run on the source.
  case usage = 64
  /// EX_DATAERR: an input file that is malformed or inconsistent (NaN loss, missing epoch, ...).
  case dataError = 65
  /// EX_NOINPUT: an input file that does not exist or cannot be read.
  case noInput = 66
  /// EX_SOFTWARE: an internal error (a rule produced an invalid plan).
  case software = 70
  /// EX_CANTCREAT: an output folder or file that cannot be created or written.
  case cannotCreate = 73
}

extension PruneLab {
  /// The status for `error`: the library errors by kind (see ``PruneLabExitStatus``), then
  /// swift-argument-parser's own (64 for parse and validation errors, 0 for help).
  public static func exitCode(for error: any Error) -> ExitCode {
    if let status = status(for: error) { return ExitCode(status.rawValue) }
    return ParsableCommandExitCode.of(error)
  }

  /// The status of a library error, or nil for an error the argument parser owns.
  static func status(for error: any Error) -> PruneLabExitStatus? {
    switch error {
    case let error as PruneCoreError:
      if case .nonFiniteSignal = error { return .dataError }
      return .usage
    case let error as PruneSignalsError:
      switch error {
      case .outOfRange: return .usage
      case .unreadableFile: return .noInput
      default: return .dataError
      }
    case let error as PruneEngineError:
      switch error {
      case .missingSignals: return .usage
      case .sampleCountMismatch, .tooFewEpochs: return .dataError
      case .invalidPlan: return .software
      case .badCalibration, .savingsUnreachable, .savingsNotMonotone, .savingsNotResolved:
        return .usage
      }
    case let error as PruneReportError:
      switch error {
      case .cannotCreateFolder, .folderNotWritable, .cannotWriteFile, .invalidFileName:
        return .cannotCreate
      default: return .software
      }
    case let error as PruneRunsError:
      switch error {
      case .unreadableCheckpoint, .missingPartialLog: return .noInput
      default: return .usage
      }
    case let error as MiniCNNError:
      return error.exitStatus
    case let error as RunStoreError:
      return error.exitStatusName == "usage" ? .usage : .dataError
    case let error as PruneSweepError:
      switch error {
      case .incompleteMerge, .badCalibrationLog, .badLearnerFile: return .dataError
      default: return .usage
      }
    default:
      return nil
    }
  }

  /// Runs the command line: parses `arguments`, runs the chosen command, prints any error to
  /// standard error and exits with ``exitCode(for:)``.
  ///
  /// Shadows `ParsableCommand.main()` so that library errors get the statuses above.
  public static func main() {
    main(nil)
  }

  /// Like ``main()``, with explicit arguments (without the program name).
  public static func main(_ arguments: [String]?) {
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      Glibc.exit(0)
    } catch {
      guard status(for: error) != nil else { exit(withError: error) }
      let message = "Error: " + self.message(for: error) + "\n"
      FileHandle.standardError.write(Data(message.utf8))
      Glibc.exit(exitCode(for: error).rawValue)
    }
  }
}

/// swift-argument-parser's own mapping, reached through a type that does not shadow it.
private enum ParsableCommandExitCode {
  static func of(_ error: any Error) -> ExitCode {
    PruneLabRootForExitCodes.exitCode(for: error)
  }
}

private struct PruneLabRootForExitCodes: ParsableCommand {}
