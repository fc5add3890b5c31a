#!/usr/bin/env python3
"""Polynomial coefficients of KernelMath (src/Simd/Operators), reproducibly.

Weighted least squares on Chebyshev nodes, refined towards minimax by Lawson's iteration, all in 70-digit
decimal arithmetic (Python's decimal module, no other dependency); the coefficients are then rounded to
float ('s') or double ('d') and the maximum weighted error of the rounded polynomial is printed, in units
of 2^-24 (float) or 2^-53 (double) relative to the function value.

    python3 tools/kernel-math-fit.py FUNCTION DEGREE s|d

FUNCTION: exp (float Exp, Q of degree 4), exp2 (float Exp2, 6), log (float Log, 8), tanh (Tanh on
|x| < 0.625: float 5, double 10), tanh1 (the same on |x| < 1, not used), sin and cos (float Sin/Cos, 3 each; the double SinCos uses the
Taylor coefficients), sinpi2 (double Sin and Cos on their own: sin on |r| <= pi/2, 8; the first coefficient is
used as -1/6 exactly), atan (double on [0, tan(pi/8)], not used), atan716 (double Atan on [0, 7/16], 11),
cbrt (double Cbrt start, 3), logt (float Log with the AVX-512 table, P of degree 3; also prints the table),
tanht (the float Tanh table on the AVX-512 path, degree 5: 32 polynomials, see tanh_table).
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
def log_table():
    """The float Log table on the AVX-512 path: z in [1, 2) split by its top five mantissa bits into 32
    intervals [1 + j/32, 1 + (j + 1)/32). Each gets a y = n/2^q near 1/z with |z*y - 1| < 2^(1-q) for every z
    of the interval, so that r = z*y - 1 is a float exactly (z has 24 significant bits, its ulp 2^-23), and
    |r| <= 1/32. Among those, the y with the smallest max |r|/|ln x| over the interval for k = 0 and k = -1
    (x = z and x = z/2, the only exponents where ln x can be small): the code adds r to the head of
    k*ln2 + ln(1/y) after rounding r + small once, an error of at most that ratio in ulps of the result.
    Interval 0 keeps y = 1 (ln(1/y) = 0: ln x = r + ... near x = 1) and intervals 30 and 31 take y = 1/2 with
    ln(1/y) = ln 2 split as the code's Ln2HiSingle + Ln2LoSingle, so that k*ln2 + ln(1/y) is exactly 0 for
    x just below 1 (k = -1). ln(1/y) = hi + lo with hi a multiple of 2^-15 (k*Ln2HiSingle + hi is exact)
    and lo rounded to float. Returns the range of r over all intervals and the rows (y, hi, lo, worst ratio)."""
    from fractions import Fraction as F
    import math
    ln2hi = 0.693145751953125; ln2lo = 1.428606765330187e-06
    rows = []; rmin = F(0); rmax = F(0)
    for j in range(32):
        lo_z = F(32 + j, 32); hi_z = F(33 + j, 32) - F(1, 2**23)
        ratio = 0.0
        if j == 0: y = F(1)
        elif j >= 30: y = F(1, 2)
        else:
            best = None
            for q in range(1, 12):
                for n in range(int(2**q/hi_z) - 2, int(2**q/lo_z) + 3):
                    yy = F(n, 2**q); m = max(abs(lo_z*yy - 1), abs(hi_z*yy - 1))
                    if not (m < F(2)**(1 - q) and m <= F(1, 32)): continue
                    worst = 0.0
                    for t in range(65):
                        z = lo_z + (hi_z - lo_z)*t/64; r = float(z*yy - 1)
                        for k in (0, -1):
                            worst = max(worst, abs(r)/abs(math.log(float(z)) + k*math.log(2)))
                    if best is None or (worst, m) < best[0]: best = ((worst, m), yy)
            ratio = best[0][0]; y = best[1]
        rmin = min(rmin, lo_z*y - 1); rmax = max(rmax, hi_z*y - 1)
        if j == 0: hi, lo = 0.0, 0.0
        elif j >= 30: hi, lo = ln2hi, ln2lo
        else:
            v = -ln(D(y.numerator)/D(y.denominator))
            hi = float(round(v*2**15))/2**15
            lo = float(struct.unpack('f', struct.pack('f', float(v - D(hi))))[0])
        rows.append((float(y), hi, lo, ratio))
    return D(rmin.numerator)/D(rmin.denominator), D(rmax.numerator)/D(rmax.denominator), rows
def tanh_table(deg):
    """The float Tanh table on the AVX-512 path: 32 intervals of a = |x|, [0, 1.25*2^-4) and then the quarter
    binades [2^e*(1 + m/4), 2^e*(1 + (m + 1)/4)) for e = -4..3 (interval 4(e + 4) + m). Each gets a float s near
    its middle for which tanh s is closest to a float (interval 0: s = 0) and a polynomial of degree DEG in
    t = a - s with c0 = tanh s rounded to float fixed (interval 0: c0 = 0, c1 = 1), c1.. fitted by weighted least
    squares towards minimax relative error and rounded to float one at a time, the rest refitted after each.
    Intervals from 10 on are c0 = 1 exactly (tanh rounds to 1 beyond 9.02). Prints, per interval, the error of
    the rounded polynomial in units of 2^-24 relative, then the columns in interval order (the code stores them
    rotated by 12 slots)."""
    import math
    def f32(v): return struct.unpack('f', struct.pack('f', float(v)))[0]
    def nextf(v, k): return struct.unpack('f', struct.pack('I', struct.unpack('I', struct.pack('f', v))[0] + k))[0]
    def th(x): return tanh(D(x)) if x != 0 else D(0)
    rows = []
    for j in range(32):
        if j == 0: lo, hi = 0.0, 1.25*2**-4
        else: e = -4 + j//4; lo, hi = 2.0**e*(1 + (j % 4)/4), 2.0**e*(1 + (j % 4 + 1)/4)
        if lo >= 10: rows.append((0.0, [1.0] + [0.0]*deg, 0.0)); continue
        s = 0.0
        if j:
            mid = (lo + hi)/2; best = None
            for k in range(-3000, 3000):
                c = nextf(f32(mid), k)
                if abs(c - mid) > (hi - lo)/6: continue
                T = th(c); err = abs(float(T - D(f32(T))))/2.0**(math.frexp(float(T))[1] - 24)
                if best is None or err < best[0]: best = (err, c)
            s = best[1]
        n = 80
        xs = [D(lo) + (D(hi) - D(lo))*(1 - D(math.cos((i + 0.5)*math.pi/n)))/2 for i in range(n)]
        fs = [th(x) for x in xs]; ts = [x - D(s) for x in xs]
        fixed = {0: D(0), 1: D(1)} if j == 0 else {0: D(f32(th(s)))}
        def refit(iters):
            free = [i for i in range(deg + 1) if i not in fixed]; lw = [D(1)]*n
            for it in range(iters):
                A = [[D(0)]*len(free) for _ in free]; bb = [D(0)]*len(free)
                for t, fv, l in zip(ts, fs, lw):
                    rhs = fv - sum(v*t**i for i, v in fixed.items()); row = [t**i for i in free]; ww = l/(fv*fv)
                    for u in range(len(free)):
                        bb[u] += ww*row[u]*rhs
                        for v in range(len(free)): A[u][v] += ww*row[u]*row[v]
                coef = dict(fixed); coef.update(zip(free, solve(A, bb) if free else []))
                errs = [abs(sum(coef[i]*t**i for i in range(deg + 1)) - fv)/fv for t, fv in zip(ts, fs)]
                lw = [l*e for l, e in zip(lw, errs)]; tot = sum(lw); lw = [l/tot*n for l in lw] if tot else lw
            return coef
        coef = refit(12)
        for i in range(deg + 1):
            if i not in fixed: fixed[i] = D(f32(coef[i])); coef = refit(8)
        cs = [float(coef[i]) for i in range(deg + 1)]
        me = max(abs(sum(D(c)*(x - D(s))**k for k, c in enumerate(cs)) - th(x))/th(x)
                 for x in (D(lo) + (D(hi) - D(lo))*i/800 for i in range(1, 801)))
        rows.append((s, cs, float(me)*2**24))
    print('interval errors (2^-24 relative): ' + ' '.join('%.4f' % r[2] for r in rows))
    print('s: ' + ', '.join(repr(r[0]) + 'f' for r in rows))
    for k in range(deg + 1): print('c%d: ' % k + ', '.join(repr(r[1][k]) + 'f' for r in rows))
which = sys.argv[1]; deg = int(sys.argv[2]); single = sys.argv[3] == 's'
if which == 'tanht':
    tanh_table(deg); sys.exit(0)
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
elif which == 'sinpi2':
    a, b = D(0), (PI/2)**2*D('1.0001')
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
elif which == 'logt':
    a, b, table = log_table()
    g = lambda r: (l1p(eps(r)) - eps(r))/eps(r)**2
    w = lambda r: abs(eps(r)**2/l1p(eps(r)))
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
if which == 'logt':
    print('r in [%r, %r], worst |r|/|ln x| %.3f' % (float(a), float(b), max(row[3] for row in table)))
    for name, col in (('y', 0), ('hi', 1), ('lo', 2)):
        print(name + ': ' + ', '.join(repr(row[col]) + 'f' for row in table))
