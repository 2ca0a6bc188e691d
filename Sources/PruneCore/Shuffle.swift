extension MutableCollection where Self: RandomAccessCollection, Index == Int {
  /// Shuffles in place with Fisher–Yates, drawing from `generator` in a documented order.
  ///
  /// The standard library's `shuffle(using:)` does not promise its draw order across Swift
  /// versions; PruneLab's outputs must not change with the toolchain, so it uses this one:
  /// for i from the last index down to 1, swap i with a uniform j in 0...i.
  ///
  /// - Complexity: O(*n*), one draw per element but the first.
  @inlinable
  public mutating func seededShuffle(using generator: inout SeededGenerator) {
    guard count > 1 else { return }
    var i = endIndex - 1
    while i > startIndex {
      let j = startIndex + generator.nextIndex(below: i - startIndex + 1)
      if i != j { swapAt(i, j) }
      i -= 1
    }
  }
}
