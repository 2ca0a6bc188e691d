/// What `prunelab reproduce` was asked to do: which claims, how much work, where, how parallel.
public struct ReproduceOptions: Sendable, Hashable {
  /// Quick (default) or full.
  public let profile: ClaimProfile
  /// The claim ids to run (case-insensitive); `nil` runs every claim.
  public let only: [String]?
  /// The folder that receives `notebooks-md/` and `figures/`.
  public let outputPath: String
  /// How many claims run at once (claims are independent; results never depend on it).
  public let jobs: Int
  /// The base seed handed to every claim.
  public let seed: UInt64
  /// The run profile of the training-based claims (issue 10; default `paper`).
  public let runProfile: RunProfile
  /// Train the missing runs before assembling (always for the small profiles).
  public let trainsMissing: Bool
  /// Train only this slice of the missing runs, and write no page.
  public let shard: RunShard?
  /// Stored runs to retrain and check bit for bit.
  public let verifyCount: Int
  /// Delete the profile's stored runs first and train everything.
  public let isFresh: Bool

  /// The seed the committed pages were made with.
  public static let defaultSeed: UInt64 = 2024

  /// - Throws: ``ClaimsError/invalidOption(name:value:reason:)`` when `jobs` is not positive,
  ///   or the output path is empty. Unknown ids are reported by ``Reproduction/run(_:progress:)``
  ///   (and by the CLI's validation) as ``ClaimsError/unknownClaim(id:known:)``.
  public init(
    profile: ClaimProfile = .quick, only: [String]? = nil, outputPath: String,
    jobs: Int = 1, seed: UInt64 = ReproduceOptions.defaultSeed,
    runProfile: RunProfile = .paper, trainsMissing: Bool = false, shard: RunShard? = nil,
    verifyCount: Int = 0, isFresh: Bool = false
  ) throws {
    guard verifyCount >= 0 else {
      throw ClaimsError.invalidOption(
        name: "--verify", value: "\(verifyCount)", reason: "it must be 0 or more")
    }
    guard jobs >= 1 else {
      throw ClaimsError.invalidOption(
        name: "--jobs", value: "\(jobs)", reason: "it must be at least 1; pass --jobs 1 or more")
    }
    guard !outputPath.isEmpty else {
      throw ClaimsError.invalidOption(
        name: "--out", value: "\"\"", reason: "the path is empty; pass a folder such as --out .")
    }
    let cleaned = only?.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    self.profile = profile
    self.only = (cleaned?.isEmpty ?? true) ? nil : cleaned
    self.outputPath = outputPath
    self.jobs = jobs
    self.seed = seed
    self.runProfile = runProfile
    self.trainsMissing = trainsMissing || isFresh || shard != nil
      || runProfile.trainsMissingByDefault
    self.shard = shard
    self.verifyCount = verifyCount
    self.isFresh = isFresh
  }

  /// The command that regenerates `ids` with these options (profile and seed only when they
  /// differ from the defaults, so the committed pages show the short form).
  func command(regenerating ids: [String]) -> String {
    var parts = ["prunelab reproduce"]
    if profile != .quick { parts.append("--profile \(profile.rawValue)") }
    if seed != ReproduceOptions.defaultSeed { parts.append("--seed \(seed)") }
    if runProfile != .paper { parts.append("--runs \(runProfile.name)") }
    if !ids.isEmpty { parts.append("--only \(ids.joined(separator: ","))") }
    return parts.joined(separator: " ")
  }
}

extension String {
  /// The string without leading and trailing spaces (no Foundation needed).
  var trimmingSpaces: String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return String(slice)
  }
}
