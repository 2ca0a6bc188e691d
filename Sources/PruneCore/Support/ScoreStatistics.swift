/// Statistics of a score table shared by the rules.
public enum ScoreStatistics {
  /// The mean of all scores, summed in four interleaved lanes (a fixed order, so deterministic).
  public static func mean(of scores: [Double]) -> Double {
    scores.withUnsafeBufferPointer { s in
      var lanes = (0.0, 0.0, 0.0, 0.0)
      let blocked = s.count & ~3
      var i = 0
      while i < blocked {
        lanes.0 += s[i]
        lanes.1 += s[i + 1]
        lanes.2 += s[i + 2]
        lanes.3 += s[i + 3]
        i += 4
      }
      while i < s.count {
        lanes.0 += s[i]
        i += 1
      }
      return ((lanes.0 + lanes.1) + (lanes.2 + lanes.3)) / Double(s.count)
    }
  }
}
