#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H
/* GSL's gsl_cblas.h defines CBLAS enums that clash with OpenBLAS's <cblas.h> when CGSL and CBLAS
   meet in one Swift module. Take the declarations from OpenBLAS (the header module CBLAS uses, so
   clang merges them) and block GSL's copy. Never link gslcblas explicitly: see Package.swift. */
#include <cblas.h>
#define __GSL_CBLAS_H__ 1

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_blas.h>

/* GSL's generator-type globals are mutable C globals that Swift 6 rejects; read them in C. */
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
#endif
