using System;

namespace Simd.Operators;

/// <summary>
/// Vectorised <c>Exp</c>, <c>Log</c> and <c>Tanh</c> at every width, for <see langword="float"/> and
/// <see langword="double"/>: what generated kernels call where the scalar method calls
/// <see cref="MathF.Exp"/>, <see cref="Math.Log(double)"/>, <see cref="Math.Tanh"/> and so on.
/// </summary>
/// <remarks>
/// <para>
/// Every lane is within a stated bound of the exact result (the <c>…MaxUlpError</c> constants, in units
/// in the last place of the result) and within a stated number of representable values of the scalar
/// .NET method (the <c>…MaxUlpFromScalar</c> constants). Special values match the scalar method: NaN gives
/// NaN, ±∞ and ±0 give what <see cref="Math"/> gives, overflow gives +∞, underflow gives subnormals and
/// then +0, subnormal inputs are handled.
/// </para>
/// <para>
/// The double algorithms are written once over the operations of a width and are plain multiplies and
/// adds (no fused multiply-add, no tables, no gathers), so every width and every instruction set returns
/// the same bits for the same input, and the software fallback of a width that is not
/// hardware-accelerated computes the same values. The BCL's own vector <c>Exp</c> and <c>Log</c> are not
/// used: measured against the exact values they are up to 2.3 and 2.9 ulp off in double, and the float
/// <c>Exp</c> returns 1.0000001 for <c>Exp(0)</c>.
/// </para>
/// <para>
/// <see langword="float"/> lanes are widened to <see langword="double"/>, computed there and rounded
/// once, which makes them correctly rounded except very close to a halfway point between two floats; it
/// costs the double work for twice the lanes. docs/kernel-math.md describes how the bounds were measured.
/// </para>
/// </remarks>
public static partial class KernelMath
{
}
