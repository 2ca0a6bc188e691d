/// A growable buffer (floats, bytes, labels, losses) that a layer or network reuses from batch
/// to batch.
///
/// It grows to the largest batch seen and never shrinks, so training in steady state allocates
/// nothing (STYLE.md §8). Contents are not preserved when it grows. The class owns its memory and
/// frees it in `deinit`; it is not `Sendable` (one network is driven by one thread).
public final class ScratchBuffer<Element: BitwiseCopyable & ExpressibleByIntegerLiteral> {
  /// The first element; valid for ``capacity`` elements until the next ``reserve(_:)`` that grows.
  public private(set) var pointer: UnsafeMutablePointer<Element>
  /// The number of elements the buffer holds.
  public private(set) var capacity: Int

  /// A buffer of `count` zeros.
  public init(count: Int = 0) {
    capacity = max(count, 1)
    pointer = .allocate(capacity: capacity)
    pointer.initialize(repeating: 0, count: capacity)
  }

  deinit { pointer.deallocate() }

  /// Makes room for at least `count` elements (zeros when it grows) and returns the pointer.
  @discardableResult
  public func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
    if count > capacity {
      pointer.deallocate()
      capacity = count
      pointer = .allocate(capacity: count)
      pointer.initialize(repeating: 0, count: count)
    }
    return pointer
  }

  /// A copy of the first `count` elements (tests and checkpoints).
  public func array(count: Int) -> [Element] {
    precondition(count <= capacity, "count exceeds the capacity")
    return Array(UnsafeBufferPointer(start: pointer, count: count))
  }
}
