using System;

namespace Simd.Operators;

/// <summary>
/// Vectorised math functions at every width, for <see langword="float"/> and <see langword="double"/>: what
/// generated kernels call where the scalar method calls <see cref="MathF.Exp"/>, <see cref="Math.Sin"/>,
/// <see cref="Math.Round(double)"/> and so on. docs/kernel-math.md lists every function with its bound.
/// </summary>
/// <remarks>
/// <para>
/// Every lane is within a stated bound of the exact result (the <c>…MaxUlpError</c> constants, in units
/// in the last place of the result). Special values match the scalar method bit for bit: NaN gives NaN,
/// ±∞ and ±0 give what <see cref="Math"/> gives, overflow gives +∞, underflow gives subnormals and then
/// +0, subnormal inputs are handled. The exact functions (<c>Round</c>, <c>Floor</c>, <c>Ceiling</c>,
/// <c>Truncate</c>, <c>RoundAwayFromZero</c>, <c>CopySign</c>, <c>Sign</c> and the classifications) are the
/// scalar method's result bit for bit for every input.
/// </para>
/// <para>
/// The <see langword="double"/> algorithms are written once over the operations of a width (no tables, no
/// gathers). The <see langword="double"/> <c>Exp</c>, <c>Exp2</c>, <c>Log</c>, <c>Log2</c>, <c>Log10</c>,
/// <c>Tanh</c>, <c>Sigmoid</c>, <c>Sin</c>, <c>Cos</c> and <c>SinCos</c> and the <see langword="float"/>
/// <c>Exp</c>, <c>Exp2</c>, <c>Log</c>, <c>Tanh</c>, <c>Sigmoid</c>, <c>Sin</c>, <c>Cos</c> and <c>SinCos</c> use
/// the fast multiply-add (fused where the hardware has it, a multiply and an add where it does not, never the
/// software-emulated fused form): every width returns the same bits within a process, and a machine without
/// FMA may differ in the last bit, within the same bound. Under AVX-512 the float <c>Log</c> splits the exponent
/// with <c>vgetmantps</c> / <c>vgetexpps</c> (the same bits as the portable split) and <c>Tanh</c> and
/// <c>Sigmoid</c> take the reciprocal as <c>vrcp14ps</c> and one fused Newton step, so a machine with AVX-512 may
/// differ from one without in the last bit, again within the same bound. The other <see langword="double"/>
/// functions are plain multiplies and adds, the same bits on every instruction set. The other
/// <see langword="float"/> functions widen to double, compute there and round once.
/// </para>
/// <para>
/// The BCL's own vector <c>Exp</c> and <c>Log</c> are not used: measured against the exact values they
/// are up to 2.3 and 2.9 ulp off in double, and the float <c>Exp</c> returns 1.0000001 for <c>Exp(0)</c>.
/// </para>
/// </remarks>
public static partial class KernelMath
{
}
