#!/usr/bin/env python3
"""Polynomial coefficients of KernelMath (src/Simd/Operators), reproducibly.

Weighted least squares on Chebyshev nodes, refined towards minimax by Lawson's iteration, all in 70-digit
decimal arithmetic (Python's decimal module, no other dependency); the coefficients are then rounded to
float ('s') or double ('d') and the maximum weighted error of the rounded polynomial is printed, in units
of 2^-24 (float) or 2^-53 (double) relative to the function value.

    python3 tools/kernel-math-fit.py FUNCTION DEGREE s|d

FUNCTION: exp (float Exp, Q of degree 4), exp2 (float Exp2, 6), log (float Log, 8), tanh (float Tanh on
|x| < 0.625, 5), tanh1 (the same on |x| < 1, not used), sin and cos (float Sin/Cos, 3 each; the double ones use the
Taylor coefficients), atan (double on [0, tan(pi/8)], not used), atan716 (double Atan on [0, 7/16], 11),
cbrt (double Cbrt start, 3).
"""
from decimal import Decimal as D, getcontext
import sys, struct
getcontext().prec = 70
PI = None
def pi():
    # Machin: pi = 16 atan(1/5) - 4 atan(1/239)
    def at(inv):
        x = D(1)/inv; x2 = x*x; s = D(0); t = x; n = 1; k=0
        while abs(t) > D(10)**-75:
            s += t/n if k%2==0 else -t/n
            t *= x2; n += 2; k+=1
        return s
    return 16*at(5) - 4*at(239)
PI = pi()
def exp(x): return D(x).exp()
def ln(x): return D(x).ln()
def solve(A, b):
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c])); M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c:
                f = M[r][c] / M[c][c]
                M[r] = [M[r][j] - f*M[c][j] for j in range(n+1)]
    return [M[i][n]/M[i][i] for i in range(n)]
def cheb_nodes(a, b, n):
    out = []
    for i in range(n):
        c = D(0); # cos((2i+1)pi/(2n))
        th = (2*i+1)*PI/(2*n); t = D(1); term = D(1); k = 0; s = D(0)
        # cos series
        th2 = th*th; term = D(1); s = D(1); k = 1
        while abs(term) > D(10)**-70:
            term *= -th2/((2*k-1)*(2*k)); s += term; k += 1
        out.append((a+b)/2 + (b-a)/2*s)
    return out
def fit(g, w, a, b, deg, nodes=300, fixed=None, iters=6):
    """min over P of deg: max |P(t)-g(t)|*w(t); Lawson IRLS from weighted LS."""
    ts = cheb_nodes(D(a), D(b), nodes)
    gs = [g(t) for t in ts]; ws = [w(t) for t in ts]
    lw = [D(1)]*len(ts)
    for it in range(iters):
        A = [[D(0)]*(deg+1) for _ in range(deg+1)]; bb = [D(0)]*(deg+1)
        for t, gv, wv, l in zip(ts, gs, ws, lw):
            pw = [t**j for j in range(deg+1)]
            ww = wv*wv*l
            for i in range(deg+1):
                bb[i] += ww*pw[i]*gv
                for j in range(deg+1): A[i][j] += ww*pw[i]*pw[j]
        c = solve(A, bb)
        errs = [abs(sum(cj*t**j for j, cj in enumerate(c)) - gv)*wv for t, gv, wv in zip(ts, gs, ws)]
        s = sum(errs)
        lw = [l*e for l, e in zip(lw, errs)]; tot = sum(lw); lw = [l/tot*len(ts) for l in lw]
    return c
def rnd(c, single):
    if single:
        return [float(struct.unpack('f', struct.pack('f', float(x)))[0]) for x in c]
    return [float(x) for x in c]
def maxerr(c, g, w, a, b, n=3000):
    m = D(0)
    for i in range(n+1):
        t = D(a) + (D(b)-D(a))*i/n
        if w(t) == 0: continue
        e = abs(sum(D(cj)*t**j for j, cj in enumerate(c)) - g(t))*w(t)
        m = max(m, e)
    return m

import math
LN2 = D(2).ln()
def tanh(x): e = (2*x).exp(); return (e-1)/(e+1)
def em1(x):
    # e^x - 1 by series for small x
    s = D(0); t = D(1); k = 1
    while True:
        t *= x/k; s += t; k += 1
        if abs(t) < D(10)**-68: return s
def l1p(f):
    return (1+f).ln()
def sin_(x):
    s = D(0); t = x; k = 1
    while abs(t) > D(10)**-68: s += t; t *= -x*x/((k+1)*(k+2)); k += 2
    return s
def cos_(x):
    s = D(0); t = D(1); k = 0
    while abs(t) > D(10)**-68: s += t; t *= -x*x/((k+1)*(k+2)); k += 2
    return s
def atan_(u):
    s = D(0); t = u; n = 1; u2 = u*u; k = 0
    while abs(t) > D(10)**-68: s += t/n if k%2==0 else -t/n; t*=u2; n+=2; k+=1
    return s
def eps(t): return t if t != 0 else D(10)**-30
which = sys.argv[1]; deg = int(sys.argv[2]); single = sys.argv[3] == 's'
if which == 'exp':
    a, b = -LN2/2*D('1.0001'), LN2/2*D('1.0001')
    g = lambda r: (em1(eps(r)) - eps(r))/(eps(r)**2)
    w = lambda r: r*r/r.exp()
elif which == 'exp2':
    a, b = D('-0.5001'), D('0.5001')
    g = lambda r: em1(eps(r)*LN2)/eps(r)
    w = lambda r: abs(r)/(r*LN2).exp()
elif which == 'log':
    a, b = D('-0.2501'), D('0.5001')
    g = lambda f: (l1p(eps(f)) - eps(f) + eps(f)**2/2)/eps(f)**3
    w = lambda f: abs(f**3/l1p(eps(f)))
elif which == 'tanh':
    a, b = D(0), D('0.625')**2*D('1.0001')
    g = lambda s: (tanh(eps(s).sqrt()) - eps(s).sqrt())/eps(s).sqrt()**3
    w = lambda s: s*s.sqrt()/tanh(eps(s).sqrt())
elif which == 'tanh1':
    a, b = D(0), D('1.0001')
    g = lambda s: (tanh(eps(s).sqrt()) - eps(s).sqrt())/eps(s).sqrt()**3
    w = lambda s: s*s.sqrt()/tanh(eps(s).sqrt())
elif which == 'sin':
    a, b = D(0), (PI/4)**2*D('1.0001')
    g = lambda s: (sin_(eps(s).sqrt()) - eps(s).sqrt())/eps(s).sqrt()**3
    w = lambda s: s*s.sqrt()/sin_(eps(s).sqrt())
elif which == 'cos':
    a, b = D(0), (PI/4)**2*D('1.0001')
    g = lambda s: (cos_(eps(s).sqrt()) - 1 + eps(s)/2)/eps(s)**2
    w = lambda s: s*s/cos_(s.sqrt())
elif which == 'atan716':
    a, b = D(0), (D(7)/16)**2*D('1.0001')
    g = lambda s: (atan_(eps(s).sqrt()) - eps(s).sqrt())/eps(s).sqrt()**3
    w = lambda s: s*s.sqrt()/atan_(eps(s).sqrt())
elif which == 'atan':
    a, b = D(0), (D(2).sqrt()-1)**2*D('1.0001')
    g = lambda s: (atan_(eps(s).sqrt()) - eps(s).sqrt())/eps(s).sqrt()**3
    w = lambda s: s*s.sqrt()/atan_(eps(s).sqrt())
elif which == 'cbrt':
    third = D(1)/3
    a, b = D('0.7071'), D('5.6569')
    g = lambda m: (m.ln()*third).exp()
    w = lambda m: 1/g(m)
c = fit(g, w, a, b, deg, nodes=120 if single else 200, iters=8)
cr = rnd(c, single)
m = maxerr(cr, g, w, a, b, n=800)
print(which, deg, 'maxrel %.3e' % float(m), 'ulps(2^-24 units) %.4f' % (float(m)*2**24) if single else 'dulps %.4f'%(float(m)*2**53))
for x in cr: print(repr(x) + ('f' if single else ''))
