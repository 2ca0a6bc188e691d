#ifndef CFFTW_SHIM_H
#define CFFTW_SHIM_H
/* No <complex.h> before fftw3.h: fftw_complex must stay double[2] (a Swift tuple). */
#include <fftw3.h>
#endif
