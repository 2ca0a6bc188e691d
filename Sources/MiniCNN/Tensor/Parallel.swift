import Dispatch

/// Fork-join over a few parts for the training step's data-parallel sections.
///
/// The network splits each batch (or each layer's channels) into `parts` contiguous pieces that
/// touch disjoint memory and runs them on `parts` threads (2 on this machine, cnn.md "Figures to
/// beat"); every part's work and the order in which partial sums are combined are fixed, so a
/// run is reproducible for a given part count.
public enum Parallel {
  /// Calls `body(0)`, ..., `body(parts - 1)`, concurrently when `parts > 1`, and returns when
  /// all are done. The parts must write disjoint memory.
  public static func forEachPart(_ parts: Int, _ body: (Int) -> Void) {
    if parts <= 1 {
      body(0)
      return
    }
    withoutActuallyEscaping(body) { escapable in
      let work = UncheckedSendableBox(value: escapable)
      DispatchQueue.concurrentPerform(iterations: parts) { work.value($0) }
    }
  }

  /// Part `part` of `0..<count` split into `parts` contiguous ranges of near-equal length.
  @inlinable
  public static func range(ofPart part: Int, parts: Int, count: Int) -> Range<Int> {
    (count * part / parts)..<(count * (part + 1) / parts)
  }
}

/// Carries a non-`Sendable` closure into `concurrentPerform`'s `@Sendable` one.
///
/// `@unchecked` because the compiler cannot see the contract of ``Parallel/forEachPart(_:_:)``:
/// the closure is only called during that call and each part writes memory no other part touches.
struct UncheckedSendableBox<Value>: @unchecked Sendable {
  let value: Value
}
