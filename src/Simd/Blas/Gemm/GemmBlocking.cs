using System.Numerics;
using System.Runtime.CompilerServices;

namespace Simd.MatrixMultiply;

/// <summary>
/// Cache-blocking parameters of the Goto/BLIS loop nest for a micro-kernel. What each level must hold:
/// <list type="bullet">
/// <item><c>KC</c>: length of one rank-kc update. The B micro-panel (<c>KC × NR</c>: 16 KiB for the AVX2 float
/// kernel, 64 KiB for AVX-512) is reused by every A micro-panel of the block, so it must stay in L1 while they
/// stream past it; long enough that loading and storing the C tile is amortised.</item>
/// <item><c>MC</c>: rows of op(A) packed at once. The packed A block (<c>MC × KC</c>, 144 KiB) must stay in L2,
/// since each B micro-panel sweeps all of it: 144 KiB fits the 512 KiB L2 of a Zen 3 core with room for the
/// B and C streams, and the 1–2 MiB of newer cores easily.</item>
/// <item><c>NC</c>: columns of the packed B block (<c>KC × NC</c>, 4 MiB). It only has to live in the last-level
/// cache: it is read once per A block, one micro-panel at a time. A large block means A is packed fewer times.</item>
/// </list>
/// Measured on an AVX2 core with B streamed from L2 instead (the earlier order, A micro-panel in L1), the kernel
/// lost a fifth of its speed to L2 bandwidth, and the B block needed half of L2, which a 512 KiB L2 cannot give.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TKernel">The micro-kernel.</typeparam>
internal static class GemmBlocking<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : IMicroKernel<T>
{
    private const int ABlockBytes = 144 * 1024;
    private const int BBlockBytes = 4 * 1024 * 1024;

    public static int KC => 256;

    /// <summary>
    /// <c>KC</c> for products that read B in place (few rows of A, see <c>GemmDriver.ReadsBInPlace</c>). The kc rows of a
    /// panel read in place lie a row of B apart; for a power-of-two row length (16 KiB at 4096 floats) they fall in one
    /// L1 set and in a few L2 sets (8 sets × 16 ways of a 2 MiB L2 at that stride), so a 256-row panel cannot stay
    /// cached between the row tiles that read it and comes from the last-level cache each time. 64 rows stay in L2:
    /// at 16 × 4096 × 4096 float on the AVX2 path, 0.64 → 0.9 of OpenBLAS's speed, 6 × 4096 × 4096 twice as fast;
    /// 128 measured about level, 16–32 slower (the C tile is loaded and stored once per k-block).
    /// </summary>
    public static int KCInPlace => 64;

    /// <summary>
    /// The longest k-block for which the tiles are taken row tile by row tile (C written left to right, a few rows at a
    /// time) instead of B panel by B panel; see <c>GemmDriver.Tiles</c>. At this kc the packed B block is at most
    /// 32 × NC elements (512 KiB for float), which an L2 holds for the row tiles that reread it.
    /// </summary>
    public static int ShortKC => 32;

    public static int NC => int.Max(TKernel.NR, BBlockBytes / (KC * Unsafe.SizeOf<T>()) / TKernel.NR * TKernel.NR);

    public static int MC => int.Max(TKernel.MR, ABlockBytes / (KC * Unsafe.SizeOf<T>()) / TKernel.MR * TKernel.MR);
}
