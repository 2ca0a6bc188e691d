import CGSL
import PruneCore

/// Lets GSL's samplers (`gsl_ran_*`) draw from a PruneCore ``SeededGenerator``.
///
/// GSL reads random numbers only through a `gsl_rng`, a pair (type, state) whose type holds the
/// callbacks `get` and `get_double`. This file defines one process-wide type whose callbacks read
/// the state pointer as a `SeededGenerator` and advance it; ``withRandomSource(_:_:)`` builds a
/// `gsl_rng` on the stack around the caller's generator. So every draw comes from the caller's
/// seeded generator (same seed, same bytes out) and nothing is allocated per draw.
///
/// Draw mapping: `get` returns the high 32 bits of `next()` (range [0, 2³² - 1]);
/// `get_double` returns `nextUnit()`, a uniform in [0, 1) with 53 bits.
enum SeededGSLSource {
  /// The generator type; immutable after creation and never freed.
  private final class TypeStorage: @unchecked Sendable {
    // @unchecked: the pointee is written once in init and only read afterwards.
    let pointer: UnsafeMutablePointer<gsl_rng_type>
    init() {
      pointer = UnsafeMutablePointer<gsl_rng_type>.allocate(capacity: 1)
      let name = UnsafeRawPointer(StaticString("prunelab-seeded-xoshiro256").utf8Start)
        .assumingMemoryBound(to: CChar.self)
      pointer.initialize(
        to: gsl_rng_type(
          name: name, max: 0xFFFF_FFFF, min: 0,
          size: MemoryLayout<UnsafeMutableRawPointer>.size,
          set: seededSet, get: seededGet, get_double: seededGetDouble))
    }
  }

  private static let storage = TypeStorage()

  /// Runs `body` with a `gsl_rng` that draws from `generator`.
  ///
  /// The `gsl_rng` is valid only inside `body`; it must not escape.
  static func withRandomSource<Result>(
    _ generator: inout SeededGenerator, _ body: (UnsafePointer<gsl_rng>) -> Result
  ) -> Result {
    GSLRuntime.ensureReady()
    let type = UnsafePointer(storage.pointer)
    return withUnsafeMutablePointer(to: &generator) { state in
      var source = gsl_rng(type: type, state: UnsafeMutableRawPointer(state))
      return withUnsafePointer(to: &source) { body($0) }
    }
  }
}

private func seededSet(_ state: UnsafeMutableRawPointer?, _ seed: UInt) {
  // Seeding happens in Swift (SeededGenerator(seed:stream:)); gsl_rng_set is never called.
}

private func seededGet(_ state: UnsafeMutableRawPointer?) -> UInt {
  guard let state else { return 0 }
  let generator = state.assumingMemoryBound(to: SeededGenerator.self)
  return UInt(generator.pointee.next() >> 32)
}

private func seededGetDouble(_ state: UnsafeMutableRawPointer?) -> Double {
  guard let state else { return 0 }
  let generator = state.assumingMemoryBound(to: SeededGenerator.self)
  return generator.pointee.nextUnit()
}
