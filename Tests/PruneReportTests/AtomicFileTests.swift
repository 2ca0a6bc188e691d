import Foundation
import Testing

@testable import PruneReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh, empty folder under the system's temporary folder, unique per call.
func makeScratchFolder() throws -> URL {
  let name = "prunereport-\(getpid())-\(UUID().uuidString)"
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The names in `folder`, sorted, including hidden ones.
func listing(_ folder: URL) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

/// A folder this process cannot write into. Root ignores permission bits, so there it is a path
/// *under a regular file*, where creating anything fails with ENOTDIR; otherwise a chmod 0555
/// folder. `watched` is the folder whose listing must not change.
func makeUnwritableFolder(in scratch: URL) throws -> (folder: URL, watched: URL, isRoot: Bool) {
  if geteuid() == 0 {
    let blocker = scratch.appendingPathComponent("file.txt")
    try Data("a regular file".utf8).write(to: blocker)
    return (blocker.appendingPathComponent("sub"), scratch, true)
  }
  let locked = scratch.appendingPathComponent("locked")
  try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
  #expect(chmod(locked.path, 0o555) == 0)
  return (locked, locked, false)
}

@Suite struct AtomicFileTests {
  @Test func writesCreatesFoldersAndLeavesNoTemporaryFile() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let target = scratch.appendingPathComponent("a/b/result.csv")
    try AtomicFile.write("x,y\n1,2\n", to: target)
    #expect(try String(contentsOf: target, encoding: .utf8) == "x,y\n1,2\n")
    #expect(try listing(scratch.appendingPathComponent("a/b")) == ["result.csv"])
  }

  @Test func replacesPreviousContentCompletely() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let target = scratch.appendingPathComponent("summary.json")
    try AtomicFile.write(String(repeating: "long old content ", count: 100), to: target)
    try AtomicFile.write("{}\n", to: target)
    #expect(try String(contentsOf: target, encoding: .utf8) == "{}\n")
    #expect(try listing(scratch) == ["summary.json"])
  }

  @Test func writtenFileIsReadableByOthers() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let target = scratch.appendingPathComponent("f.txt")
    try AtomicFile.write("x", to: target)
    var info = stat()
    #expect(stat(target.path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o644)
  }

  @Test func emptyContentGivesAnEmptyFile() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let target = scratch.appendingPathComponent("empty.txt")
    try AtomicFile.write(Data(), to: target)
    #expect(try Data(contentsOf: target).isEmpty)
  }

  @Test func unwritableFolderGivesClearErrorAndNoPartialFile() throws {
    let scratch = try makeScratchFolder()
    defer {
      _ = chmod(scratch.appendingPathComponent("locked").path, 0o755)
      try? FileManager.default.removeItem(at: scratch)
    }
    let (folder, watched, _) = try makeUnwritableFolder(in: scratch)
    let before = try listing(watched)
    let target = folder.appendingPathComponent("out.csv")
    let error = try #require(throws: PruneReportError.self) {
      try AtomicFile.write("a,b\n", to: target)
    }
    let message = error.description
    #expect(message.contains(scratch.lastPathComponent))
    #expect(message.contains("--out"))
    #expect(try listing(watched) == before)
    #expect(!FileManager.default.fileExists(atPath: target.path))
  }

  @Test func targetThatIsAFolderIsRefusedAndNothingIsLeft() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let target = scratch.appendingPathComponent("taken")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
    try FileManager.default.createDirectory(
      at: target.appendingPathComponent("inner"), withIntermediateDirectories: false)
    #expect(throws: PruneReportError.self) { try AtomicFile.write("x", to: target) }
    #expect(try listing(scratch) == ["taken"])
  }
}

@Suite struct OutputFolderTests {
  @Test func createsFolderAndWritesSeveralFiles() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = try OutputFolder(scratch.appendingPathComponent("run"))
    try out.write("epoch\n0\n", to: "epochs.csv")
    try out.write("{}\n", to: "summary.json")
    let figure = try out.write("<svg/>", to: "figures/a.svg")
    #expect(figure.lastPathComponent == "a.svg")
    #expect(try listing(out.url) == ["epochs.csv", "figures", "summary.json"])
    #expect(try listing(out.url.appendingPathComponent("figures")) == ["a.svg"])
  }

  @Test func failsBeforeTheWorkWhenFolderIsUnwritable() throws {
    let scratch = try makeScratchFolder()
    defer {
      _ = chmod(scratch.appendingPathComponent("locked").path, 0o755)
      try? FileManager.default.removeItem(at: scratch)
    }
    let (folder, watched, isRoot) = try makeUnwritableFolder(in: scratch)
    let before = try listing(watched)
    let error = try #require(throws: PruneReportError.self) { try OutputFolder(folder) }
    if isRoot {
      guard case .cannotCreateFolder(let path, let reason) = error else {
        Issue.record("expected cannotCreateFolder, got \(error)")
        return
      }
      #expect(path.hasSuffix("file.txt"))
      #expect(reason.contains("not a folder"))
    } else {
      guard case .folderNotWritable(let path, _) = error else {
        Issue.record("expected folderNotWritable, got \(error)")
        return
      }
      #expect(path == folder.standardizedFileURL.path)
    }
    #expect(try listing(watched) == before)
  }

  @Test(arguments: ["", "/etc/passwd", "../escape.csv", "a//b.csv", "./x.csv", "figs/../../x"])
  func rejectsNamesThatLeaveTheFolder(name: String) throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = try OutputFolder(scratch)
    #expect(throws: PruneReportError.self) { try out.write("x", to: name) }
    #expect(try listing(scratch).isEmpty)
  }

  @Test func probeLeavesNothingBehind() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = try OutputFolder(scratch)
    try out.checkWritable()
    #expect(try listing(scratch).isEmpty)
  }
}

@Suite struct WriteTogetherTests {
  @Test func allFilesAppearAndNoStagingIsLeft() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = try OutputFolder(scratch)
    let urls = try out.writeTogether([
      OutputFile(name: "epochs.csv", text: "epoch\n0\n"),
      OutputFile(name: "figures/a.svg", text: "<svg/>"),
      OutputFile(name: "manifest.json", text: "{}\n"),
    ])
    #expect(urls.map(\.lastPathComponent) == ["epochs.csv", "a.svg", "manifest.json"])
    #expect(try listing(scratch) == ["epochs.csv", "figures", "manifest.json"])
    #expect(
      try String(contentsOf: scratch.appendingPathComponent("figures/a.svg"), encoding: .utf8)
        == "<svg/>")
  }

  @Test func aBadNameWritesNothing() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = try OutputFolder(scratch)
    #expect(throws: PruneReportError.self) {
      try out.writeTogether([
        OutputFile(name: "ok.csv", text: "x"), OutputFile(name: "../escape", text: "y"),
      ])
    }
    #expect(throws: PruneReportError.self) {
      try out.writeTogether([OutputFile(name: "a", text: "x"), OutputFile(name: "a", text: "y")])
    }
    #expect(try listing(scratch).isEmpty)
  }

  @Test func aStagingFailureLeavesTheOldFiles() throws {
    let scratch = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = try OutputFolder(scratch)
    try out.write("old", to: "summary.json")
    // "summary.json/x" cannot be staged next to the file "summary.json" in the same batch.
    #expect(throws: PruneReportError.self) {
      try out.writeTogether([
        OutputFile(name: "summary.json", text: "new"),
        OutputFile(name: "summary.json/x", text: "y"),
      ])
    }
    #expect(try String(contentsOf: out.url(for: "summary.json"), encoding: .utf8) == "old")
    #expect(try listing(scratch) == ["summary.json"])
  }
}
