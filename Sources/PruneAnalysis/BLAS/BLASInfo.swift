import CBLAS
import Glibc

/// Which BLAS the process really calls (toolchain-notes §3).
///
/// libgsl pulls in GSL's reference CBLAS (libgslcblas) next to OpenBLAS; the dynamic linker binds
/// every `cblas_*` symbol to the first library in search order. If libgslcblas ever comes first,
/// `cblas_sgemm` silently runs about 17× slower (5 vs 90 GFLOP/s). This check resolves
/// `cblas_sgemm` in the global scope and in libopenblas and compares the addresses.
public enum BLASInfo {
  /// True when the process's `cblas_sgemm` is OpenBLAS's.
  public static var isOpenBLAS: Bool {
    guard let global = dlopen(nil, RTLD_NOW),
      let openBLAS = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_NOLOAD)
    else { return false }
    defer {
      dlclose(openBLAS)
      dlclose(global)
    }
    guard let bound = dlsym(global, "cblas_sgemm"), let own = dlsym(openBLAS, "cblas_sgemm") else {
      return false
    }
    return bound == own
  }

  /// True when the process's `cblas_sgemm` is GSL's reference CBLAS (libgslcblas): the slow
  /// binding that ``isOpenBLAS`` guards against.
  public static var isGSLReferenceCBLAS: Bool {
    guard let global = dlopen(nil, RTLD_NOW),
      let reference = dlopen("libgslcblas.so.0", RTLD_NOW | RTLD_NOLOAD)
    else { return false }
    defer {
      dlclose(reference)
      dlclose(global)
    }
    guard let bound = dlsym(global, "cblas_sgemm"), let own = dlsym(reference, "cblas_sgemm")
    else { return false }
    return bound == own
  }

  /// OpenBLAS's build configuration (`openblas_get_config`), e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH …".
  public static var openBLASConfiguration: String {
    guard let text = openblas_get_config() else { return "" }
    return String(cString: text)
  }

  /// The CPU kernel family OpenBLAS chose at load time (`openblas_get_corename`), e.g.
  /// "Haswell" or "Cooperlake". sgemm's rounding, and so the last digits of any training run,
  /// depend on it; `OPENBLAS_CORETYPE` in the environment overrides the choice.
  public static var openBLASCoreName: String {
    guard let text = openblas_get_corename() else { return "" }
    return String(cString: text)
  }

  /// The kernel `scripts/reproduce` pins with `OPENBLAS_CORETYPE` (any x86-64 CPU with AVX2 has
  /// it), under which the committed end-to-end claim pages regenerate byte for byte.
  public static let reproducibleCoreName = "Haswell"

  /// True when OpenBLAS runs ``reproducibleCoreName``.
  public static var usesReproducibleCore: Bool {
    openBLASCoreName.lowercased() == reproducibleCoreName.lowercased()
  }

  /// The number of threads OpenBLAS uses (`openblas_get_num_threads`).
  public static var openBLASThreadCount: Int { Int(openblas_get_num_threads()) }
}
