import CFFTW
import Synchronization

/// One FFTW plan; destroyed (under the planner lock) when the last reference goes.
final class FFTPlan: @unchecked Sendable {
  // @unchecked: `pointer` is immutable, and FFTW's execute functions are thread-safe
  // (toolchain-notes §7.6); creation and destruction are serialised by `FFTPlanner.lock`.
  let pointer: OpaquePointer
  let length: Int
  let kind: FFTPlanKind

  init(pointer: OpaquePointer, length: Int, kind: FFTPlanKind) {
    self.pointer = pointer
    self.length = length
    self.kind = kind
  }

  deinit {
    let plan = pointer
    FFTPlanner.lock.withLock { _ in fftw_destroy_plan(plan) }
  }
}

/// The transforms the cache plans.
enum FFTPlanKind: Hashable, Sendable, CustomStringConvertible {
  /// Real to complex (r2c), n reals to n/2 + 1 bins.
  case forward
  /// Complex to real (c2r), unnormalised inverse of ``forward``.
  case inverse

  var description: String { self == .forward ? "real-to-complex" : "complex-to-real" }
}

/// The FFTW planner lock: every `fftw_plan_*` and `fftw_destroy_plan` call holds it, because the
/// planner is not thread-safe, while `fftw_execute_*` is (FFTW manual §5.4; toolchain-notes §7.6).
enum FFTPlanner {
  static let lock = Mutex<Void>(())
}

/// Plans made once per (length, kind) and shared by every series of that length.
///
/// Plans are made with `FFTW_ESTIMATE | FFTW_UNALIGNED` on scratch arrays and then used only
/// through the new-array execute functions (`fftw_execute_dft_r2c`, `fftw_execute_dft_c2r`), so
/// one plan serves any buffers of its length, aligned or not, from any thread.
final class FFTPlanCache: Sendable {
  static let shared = FFTPlanCache()

  private struct Key: Hashable, Sendable {
    let length: Int
    let kind: FFTPlanKind
  }

  private let plans = Mutex<[Key: FFTPlan]>([:])

  /// The plan for `length` and `kind`, made on first request.
  ///
  /// - Throws: ``PruneAnalysisError/fftwPlanFailed(length:kind:)`` when FFTW returns no plan.
  func plan(length: Int, kind: FFTPlanKind) throws(PruneAnalysisError) -> FFTPlan {
    guard length >= 1, length <= Int(Int32.max) else {
      throw .fftwPlanFailed(length: length, kind: kind.description)
    }
    let key = Key(length: length, kind: kind)
    let found: FFTPlan? = plans.withLock { table in
      if let plan = table[key] { return plan }
      guard let plan = Self.makePlan(length: length, kind: kind) else { return nil }
      table[key] = plan
      return plan
    }
    guard let found else { throw .fftwPlanFailed(length: length, kind: kind.description) }
    return found
  }

  /// The number of cached plans.
  var count: Int { plans.withLock { $0.count } }

  /// Drops every cached plan; a plan still in use is destroyed when its last user lets go.
  func removeAll() {
    let dropped = plans.withLock { table in
      let all = Array(table.values)
      table.removeAll()
      return all
    }
    _ = dropped  // released here, outside the cache lock (deinit takes the planner lock)
  }

  private static func makePlan(length: Int, kind: FFTPlanKind) -> FFTPlan? {
    let bins = length / 2 + 1
    guard let real = fftw_alloc_real(length), let complex = fftw_alloc_complex(bins) else {
      return nil
    }
    defer {
      fftw_free(real)
      fftw_free(complex)
    }
    let flags = UInt32(FFTW_ESTIMATE | FFTW_UNALIGNED)
    var made: FFTPlan?
    FFTPlanner.lock.withLock { _ in
      let pointer: OpaquePointer?
      switch kind {
      case .forward: pointer = fftw_plan_dft_r2c_1d(Int32(length), real, complex, flags)
      case .inverse: pointer = fftw_plan_dft_c2r_1d(Int32(length), complex, real, flags)
      }
      if let pointer { made = FFTPlan(pointer: pointer, length: length, kind: kind) }
    }
    return made
  }
}
