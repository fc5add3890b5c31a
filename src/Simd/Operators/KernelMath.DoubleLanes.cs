using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// The double-vector operations the width-independent algorithms need, as static members so that one
    /// generic method serves every width and the JIT specialises and inlines it per width. Comparisons
    /// return lane masks (all bits set or clear) of the same vector type.
    /// </summary>
    private interface IDoubleLanes<TVector>
    {
        static abstract TVector Create(double value);

        static abstract TVector Abs(TVector x);

        static abstract TVector Add(TVector left, TVector right);

        static abstract TVector Subtract(TVector left, TVector right);

        static abstract TVector Multiply(TVector left, TVector right);

        static abstract TVector Divide(TVector left, TVector right);

        static abstract TVector Min(TVector left, TVector right);

        static abstract TVector Max(TVector left, TVector right);

        static abstract TVector LessThan(TVector left, TVector right);

        static abstract TVector Equal(TVector left, TVector right);

        /// <summary><paramref name="ifSet"/> where <paramref name="mask"/> is set, else <paramref name="otherwise"/>.</summary>
        static abstract TVector Select(TVector mask, TVector ifSet, TVector otherwise);

        static abstract TVector CopySign(TVector magnitude, TVector sign);

        /// <summary>Each lane rounded to the nearest integer, ties to even.</summary>
        static abstract TVector Round(TVector x);

        static abstract TVector Floor(TVector x);

        static abstract TVector Sqrt(TVector x);

        static abstract TVector And(TVector left, TVector right);

        static abstract TVector Or(TVector left, TVector right);

        /// <summary>
        /// a·b + c with the fast multiply-add: fused where the hardware has it, a multiply and an add where it
        /// does not (never the software-emulated fused form), the same at every width on one machine.
        /// </summary>
        static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

        static abstract TVector Xor(TVector left, TVector right);

        static abstract TVector Negate(TVector x);

        /// <summary>The bits of each lane shifted left by <paramref name="count"/>, as a 64-bit integer.</summary>
        static abstract TVector ShiftLeftBits(TVector x, int count);

        /// <summary>The bits of each lane added as 64-bit integers (wrapping).</summary>
        static abstract TVector AddBits(TVector left, TVector right);

        /// <summary>Whether any lane of <paramref name="mask"/> is set.</summary>
        static abstract bool Any(TVector mask);

        /// <summary>Whether every lane of <paramref name="mask"/> is set.</summary>
        static abstract bool All(TVector mask);

        /// <summary><paramref name="function"/> applied to each lane: the scalar slow path.</summary>
        static abstract TVector Map(TVector x, System.Func<double, double> function);

        /// <summary><paramref name="function"/> applied to each pair of lanes: the scalar slow path of two-argument functions.</summary>
        static abstract TVector Map(TVector x, TVector y, System.Func<double, double, double> function);

        /// <summary>2ⁿ for integer-valued <paramref name="n"/> in [−1022, 1023], built from its bits.</summary>
        static abstract TVector Pow2(TVector n);

        /// <summary>
        /// Splits positive normal <paramref name="x"/> into <c>x = z · 2^exponent</c> with z in [√½, √2) and
        /// the exponent an integer-valued double.
        /// </summary>
        static abstract TVector Decompose(TVector x, out TVector exponent);
    }

    // 1.5·2⁵² + 1023: adding an integer n in [−1022, 1023] leaves n + 1023 in the low mantissa bits.
    private const double Pow2Magic = 6755399441055744.0 + 1023;

    // 2⁵² + 1023 with 0x433 as exponent field: OR-ing a biased exponent e into the low bits gives 2⁵² + e.
    private const ulong ExponentMagicBits = 0x4330000000000000UL;
    private const double ExponentMagic = 4503599627370496.0 + 1023;

    // Adding this to the bits of x moves the binade boundary from 1 to √½ (0x3FE6A09E667F3BCD), so that the
    // exponent field of the sum is the exponent of x rounded at √½, plus 1023.
    private const ulong SqrtHalfShift = 0x3FF0000000000000UL - 0x3FE6A09E667F3BCDUL;
    private const ulong ExponentMask = 0xFFF0000000000000UL;
    private const ulong OneBits = 0x3FF0000000000000UL;

    private readonly struct DoubleLanes128 : IDoubleLanes<Vector128<double>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Create(double value) => Vector128.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Abs(Vector128<double> x) => Vector128.Abs(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Add(Vector128<double> left, Vector128<double> right) => left + right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Subtract(Vector128<double> left, Vector128<double> right) => left - right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Multiply(Vector128<double> left, Vector128<double> right) => left * right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Divide(Vector128<double> left, Vector128<double> right) => left / right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Min(Vector128<double> left, Vector128<double> right) => Vector128.Min(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Max(Vector128<double> left, Vector128<double> right) => Vector128.Max(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> LessThan(Vector128<double> left, Vector128<double> right) => Vector128.LessThan(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Equal(Vector128<double> left, Vector128<double> right) => Vector128.Equals(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Select(Vector128<double> mask, Vector128<double> ifSet, Vector128<double> otherwise) => Vector128.ConditionalSelect(mask, ifSet, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> CopySign(Vector128<double> magnitude, Vector128<double> sign) => Vector128.CopySign(magnitude, sign);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Round(Vector128<double> x) => Vector128.Round(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Floor(Vector128<double> x) => Vector128.Floor(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Sqrt(Vector128<double> x) => Vector128.Sqrt(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> And(Vector128<double> left, Vector128<double> right) => left & right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Or(Vector128<double> left, Vector128<double> right) => left | right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> MultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c) => Vector128.MultiplyAddEstimate(a, b, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Xor(Vector128<double> left, Vector128<double> right) => left ^ right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Negate(Vector128<double> x) => -x;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> ShiftLeftBits(Vector128<double> x, int count) => Vector128.ShiftLeft(x.AsUInt64(), count).AsDouble();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> AddBits(Vector128<double> left, Vector128<double> right) => (left.AsUInt64() + right.AsUInt64()).AsDouble();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector128<double> mask) => Vector128.AnyWhereAllBitsSet(mask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool All(Vector128<double> mask) => Vector128.AllWhereAllBitsSet(mask);

        public static Vector128<double> Map(Vector128<double> x, Vector128<double> y, System.Func<double, double, double> function)
        {
            System.Span<double> lanes = stackalloc double[Vector128<double>.Count];
            System.Span<double> second = stackalloc double[Vector128<double>.Count];
            x.CopyTo(lanes);
            y.CopyTo(second);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i], second[i]);
            }

            return Vector128.Create((System.ReadOnlySpan<double>)lanes);
        }

        public static Vector128<double> Map(Vector128<double> x, System.Func<double, double> function)
        {
            System.Span<double> lanes = stackalloc double[Vector128<double>.Count];
            x.CopyTo(lanes);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i]);
            }

            return Vector128.Create((System.ReadOnlySpan<double>)lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Pow2(Vector128<double> n)
            => Vector128.ShiftLeft((n + Vector128.Create(Pow2Magic)).AsUInt64(), 52).AsDouble();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Decompose(Vector128<double> x, out Vector128<double> exponent)
        {
            Vector128<ulong> bits = x.AsUInt64();
            Vector128<ulong> shifted = bits + Vector128.Create(SqrtHalfShift);
            exponent = (Vector128.ShiftRightLogical(shifted, 52) | Vector128.Create(ExponentMagicBits)).AsDouble() - Vector128.Create(ExponentMagic);
            return (bits - (shifted & Vector128.Create(ExponentMask)) + Vector128.Create(OneBits)).AsDouble();
        }
    }

    private readonly struct DoubleLanes256 : IDoubleLanes<Vector256<double>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Create(double value) => Vector256.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Abs(Vector256<double> x) => Vector256.Abs(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Add(Vector256<double> left, Vector256<double> right) => left + right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Subtract(Vector256<double> left, Vector256<double> right) => left - right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Multiply(Vector256<double> left, Vector256<double> right) => left * right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Divide(Vector256<double> left, Vector256<double> right) => left / right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Min(Vector256<double> left, Vector256<double> right) => Vector256.Min(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Max(Vector256<double> left, Vector256<double> right) => Vector256.Max(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> LessThan(Vector256<double> left, Vector256<double> right) => Vector256.LessThan(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Equal(Vector256<double> left, Vector256<double> right) => Vector256.Equals(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Select(Vector256<double> mask, Vector256<double> ifSet, Vector256<double> otherwise) => Vector256.ConditionalSelect(mask, ifSet, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> CopySign(Vector256<double> magnitude, Vector256<double> sign) => Vector256.CopySign(magnitude, sign);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Round(Vector256<double> x) => Vector256.Round(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Floor(Vector256<double> x) => Vector256.Floor(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Sqrt(Vector256<double> x) => Vector256.Sqrt(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> And(Vector256<double> left, Vector256<double> right) => left & right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Or(Vector256<double> left, Vector256<double> right) => left | right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Vector256.MultiplyAddEstimate(a, b, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Xor(Vector256<double> left, Vector256<double> right) => left ^ right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Negate(Vector256<double> x) => -x;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> ShiftLeftBits(Vector256<double> x, int count) => Vector256.ShiftLeft(x.AsUInt64(), count).AsDouble();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> AddBits(Vector256<double> left, Vector256<double> right) => (left.AsUInt64() + right.AsUInt64()).AsDouble();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector256<double> mask) => Vector256.AnyWhereAllBitsSet(mask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool All(Vector256<double> mask) => Vector256.AllWhereAllBitsSet(mask);

        public static Vector256<double> Map(Vector256<double> x, Vector256<double> y, System.Func<double, double, double> function)
        {
            System.Span<double> lanes = stackalloc double[Vector256<double>.Count];
            System.Span<double> second = stackalloc double[Vector256<double>.Count];
            x.CopyTo(lanes);
            y.CopyTo(second);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i], second[i]);
            }

            return Vector256.Create((System.ReadOnlySpan<double>)lanes);
        }

        public static Vector256<double> Map(Vector256<double> x, System.Func<double, double> function)
        {
            System.Span<double> lanes = stackalloc double[Vector256<double>.Count];
            x.CopyTo(lanes);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i]);
            }

            return Vector256.Create((System.ReadOnlySpan<double>)lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Pow2(Vector256<double> n)
            => Vector256.ShiftLeft((n + Vector256.Create(Pow2Magic)).AsUInt64(), 52).AsDouble();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Decompose(Vector256<double> x, out Vector256<double> exponent)
        {
            Vector256<ulong> bits = x.AsUInt64();
            Vector256<ulong> shifted = bits + Vector256.Create(SqrtHalfShift);
            exponent = (Vector256.ShiftRightLogical(shifted, 52) | Vector256.Create(ExponentMagicBits)).AsDouble() - Vector256.Create(ExponentMagic);
            return (bits - (shifted & Vector256.Create(ExponentMask)) + Vector256.Create(OneBits)).AsDouble();
        }
    }

    private readonly struct DoubleLanes512 : IDoubleLanes<Vector512<double>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Create(double value) => Vector512.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Abs(Vector512<double> x) => Vector512.Abs(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Add(Vector512<double> left, Vector512<double> right) => left + right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Subtract(Vector512<double> left, Vector512<double> right) => left - right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Multiply(Vector512<double> left, Vector512<double> right) => left * right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Divide(Vector512<double> left, Vector512<double> right) => left / right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Min(Vector512<double> left, Vector512<double> right) => Vector512.Min(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Max(Vector512<double> left, Vector512<double> right) => Vector512.Max(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> LessThan(Vector512<double> left, Vector512<double> right) => Vector512.LessThan(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Equal(Vector512<double> left, Vector512<double> right) => Vector512.Equals(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Select(Vector512<double> mask, Vector512<double> ifSet, Vector512<double> otherwise) => Vector512.ConditionalSelect(mask, ifSet, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> CopySign(Vector512<double> magnitude, Vector512<double> sign) => Vector512.CopySign(magnitude, sign);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Round(Vector512<double> x) => Vector512.Round(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Floor(Vector512<double> x) => Vector512.Floor(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Sqrt(Vector512<double> x) => Vector512.Sqrt(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> And(Vector512<double> left, Vector512<double> right) => left & right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Or(Vector512<double> left, Vector512<double> right) => left | right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Vector512.MultiplyAddEstimate(a, b, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Xor(Vector512<double> left, Vector512<double> right) => left ^ right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Negate(Vector512<double> x) => -x;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> ShiftLeftBits(Vector512<double> x, int count) => Vector512.ShiftLeft(x.AsUInt64(), count).AsDouble();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> AddBits(Vector512<double> left, Vector512<double> right) => (left.AsUInt64() + right.AsUInt64()).AsDouble();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector512<double> mask) => Vector512.AnyWhereAllBitsSet(mask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool All(Vector512<double> mask) => Vector512.AllWhereAllBitsSet(mask);

        public static Vector512<double> Map(Vector512<double> x, Vector512<double> y, System.Func<double, double, double> function)
        {
            System.Span<double> lanes = stackalloc double[Vector512<double>.Count];
            System.Span<double> second = stackalloc double[Vector512<double>.Count];
            x.CopyTo(lanes);
            y.CopyTo(second);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i], second[i]);
            }

            return Vector512.Create((System.ReadOnlySpan<double>)lanes);
        }

        public static Vector512<double> Map(Vector512<double> x, System.Func<double, double> function)
        {
            System.Span<double> lanes = stackalloc double[Vector512<double>.Count];
            x.CopyTo(lanes);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i]);
            }

            return Vector512.Create((System.ReadOnlySpan<double>)lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Pow2(Vector512<double> n)
            => Vector512.ShiftLeft((n + Vector512.Create(Pow2Magic)).AsUInt64(), 52).AsDouble();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Decompose(Vector512<double> x, out Vector512<double> exponent)
        {
            Vector512<ulong> bits = x.AsUInt64();
            Vector512<ulong> shifted = bits + Vector512.Create(SqrtHalfShift);
            exponent = (Vector512.ShiftRightLogical(shifted, 52) | Vector512.Create(ExponentMagicBits)).AsDouble() - Vector512.Create(ExponentMagic);
            return (bits - (shifted & Vector512.Create(ExponentMask)) + Vector512.Create(OneBits)).AsDouble();
        }
    }

    private readonly struct DoubleLanesVector : IDoubleLanes<Vector<double>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Create(double value) => Vector.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Abs(Vector<double> x) => Vector.Abs(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Add(Vector<double> left, Vector<double> right) => left + right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Subtract(Vector<double> left, Vector<double> right) => left - right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Multiply(Vector<double> left, Vector<double> right) => left * right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Divide(Vector<double> left, Vector<double> right) => left / right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Min(Vector<double> left, Vector<double> right) => Vector.Min(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Max(Vector<double> left, Vector<double> right) => Vector.Max(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> LessThan(Vector<double> left, Vector<double> right) => Vector.LessThan<double>(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Equal(Vector<double> left, Vector<double> right) => Vector.Equals<double>(left, right);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Select(Vector<double> mask, Vector<double> ifSet, Vector<double> otherwise) => Vector.ConditionalSelect(mask, ifSet, otherwise);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> CopySign(Vector<double> magnitude, Vector<double> sign) => Vector.CopySign(magnitude, sign);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Round(Vector<double> x) => Vector.Round(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Floor(Vector<double> x) => Vector.Floor(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Sqrt(Vector<double> x) => Vector.SquareRoot(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> And(Vector<double> left, Vector<double> right) => left & right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Or(Vector<double> left, Vector<double> right) => left | right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> MultiplyAdd(Vector<double> a, Vector<double> b, Vector<double> c) => Vector.MultiplyAddEstimate(a, b, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Xor(Vector<double> left, Vector<double> right) => left ^ right;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Negate(Vector<double> x) => -x;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> ShiftLeftBits(Vector<double> x, int count) => Vector.AsVectorDouble(Vector.ShiftLeft(Vector.AsVectorUInt64(x), count));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> AddBits(Vector<double> left, Vector<double> right) => Vector.AsVectorDouble(Vector.AsVectorUInt64(left) + Vector.AsVectorUInt64(right));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Vector<double> mask) => Vector.AnyWhereAllBitsSet(mask);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool All(Vector<double> mask) => Vector.AllWhereAllBitsSet(mask);

        public static Vector<double> Map(Vector<double> x, Vector<double> y, System.Func<double, double, double> function)
        {
            System.Span<double> lanes = stackalloc double[Vector<double>.Count];
            System.Span<double> second = stackalloc double[Vector<double>.Count];
            x.CopyTo(lanes);
            y.CopyTo(second);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i], second[i]);
            }

            return new Vector<double>(lanes);
        }

        public static Vector<double> Map(Vector<double> x, System.Func<double, double> function)
        {
            System.Span<double> lanes = stackalloc double[Vector<double>.Count];
            x.CopyTo(lanes);
            for (int i = 0; i < lanes.Length; i++)
            {
                lanes[i] = function(lanes[i]);
            }

            return new Vector<double>(lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Pow2(Vector<double> n)
            => Vector.AsVectorDouble(Vector.ShiftLeft(Vector.AsVectorUInt64(n + Vector.Create(Pow2Magic)), 52));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Decompose(Vector<double> x, out Vector<double> exponent)
        {
            Vector<ulong> bits = Vector.AsVectorUInt64(x);
            Vector<ulong> shifted = bits + Vector.Create(SqrtHalfShift);
            exponent = Vector.AsVectorDouble(Vector.ShiftRightLogical(shifted, 52) | Vector.Create(ExponentMagicBits)) - Vector.Create(ExponentMagic);
            return Vector.AsVectorDouble(bits - (shifted & Vector.Create(ExponentMask)) + Vector.Create(OneBits));
        }
    }
}
