using System.Numerics;

namespace Simd.MatrixMultiply;

/// <summary>
/// Cache-blocking parameters (Goto/BLIS loop nest) for a micro-kernel, sized for a core with a 32–48 KiB L1d,
/// 1–2 MiB of L2 and a shared L3.
/// <list type="bullet">
/// <item><c>KC</c>: length of one rank-kc update. An A micro-panel (<c>MR × KC</c>, 6 KiB for floats) stays in L1
/// while the kernel sweeps the B block; long enough that loading and storing the C tile is amortised.</item>
/// <item><c>NC</c>: columns of the packed B block (<c>KC × NC</c>, 512 KiB), which must stay in L2 because every
/// A micro-panel sweeps all of it.</item>
/// <item><c>MC</c>: rows of op(A) packed at once; only bounds the A buffer (the micro-panels are used one by one).</item>
/// </list>
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TKernel">The micro-kernel.</typeparam>
internal static class GemmBlocking<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : IMicroKernel<T>
{
    private const int BBlockBytes = 512 * 1024;

    public static int KC => 256;

    public static int NC => int.Max(TKernel.NR, BBlockBytes / (KC * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()) / TKernel.NR * TKernel.NR);

    public static int MC => TKernel.MR * 24;
}
