import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Fork-join over a few parts, for the hot loops that split their work by thread
/// (the simulated learner's epoch, the engine's two halves of an epoch; issue 13 item 2).
///
/// Each part must write memory no other part touches, and the split must not decide any value:
/// the callers cut their work into parts whose results are combined in a fixed order, so a result
/// is the same for any number of parts (tested with 1, 2 and 3).
public enum ForkJoin {
  /// The number of processors this process may use (at least 1): the default thread count.
  public static var processorCount: Int { max(1, System.activeProcessorCount) }

  /// Calls `body(0)`, ..., `body(parts - 1)`, concurrently when `parts > 1`, and returns when
  /// all are done.
  public static func forEachPart(_ parts: Int, _ body: (Int) -> Void) {
    if parts <= 1 {
      body(0)
      return
    }
    withoutActuallyEscaping(body) { escapable in
      let work = UncheckedSendable(escapable)
      DispatchQueue.concurrentPerform(iterations: parts) { work.value($0) }
    }
  }

  /// Part `part` of `0..<count` cut into `parts` contiguous ranges of near-equal length.
  @inlinable
  public static func range(ofPart part: Int, parts: Int, count: Int) -> Range<Int> {
    (count * part / parts)..<(count * (part + 1) / parts)
  }
}

/// Carries a value into a `@Sendable` closure when the caller guarantees the contract the
/// compiler cannot see (``ForkJoin/forEachPart(_:_:)``: parts write disjoint memory, and the
/// value is used only during the call).
public struct UncheckedSendable<Value>: @unchecked Sendable {
  public let value: Value
  public init(_ value: Value) { self.value = value }
}

/// The processor count without Foundation.
private enum System {
  static var activeProcessorCount: Int {
    #if canImport(Glibc)
      Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    #else
      1
    #endif
  }
}
