/* A libm one ulp off: every elementary function glibc answers, moved to the next double up on
 * every other argument (by the argument's lowest bit). Preloaded by check-perturbed.sh, under which
 * every paper in Notebooks/ must still check: Quire's results may not depend on the C library.
 * Build: cc -shared -fPIC -O2 -o perturb.so perturb.c -ldl -lm */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

static int odd(double x) { uint64_t b; memcpy(&b, &x, 8); return (int)(b & 1); }
static double moved(double r, double x) { return isfinite(r) && odd(x) ? nextafter(r, INFINITY) : r; }

#define ONE(name) \
    double name(double x) { static double (*real)(double); \
        if (!real) real = (double (*)(double))dlsym(RTLD_NEXT, #name); return moved(real(x), x); }
#define TWO(name) \
    double name(double x, double y) { static double (*real)(double, double); \
        if (!real) real = (double (*)(double, double))dlsym(RTLD_NEXT, #name); return moved(real(x, y), x + y); }

ONE(sin) ONE(cos) ONE(tan) ONE(exp) ONE(expm1) ONE(log) ONE(log1p) ONE(log10) ONE(tanh) ONE(lgamma)
TWO(pow) TWO(atan2)

void sincos(double x, double *s, double *c) { *s = sin(x); *c = cos(x); }
