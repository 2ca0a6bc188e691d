#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
/* zlib, for the gzip-compressed IDX files of Fashion-MNIST. */
#include <zlib.h>
#endif
