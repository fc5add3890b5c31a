using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Simd.Operators;

public static partial class KernelMath
{
    // Below this |x| every lane takes interval 0 (|x| < 1.25·2⁻⁴); it is also the start of the table's first binade.
    private const float TanhTableFloor = 0.0625f;

    // |x| is held here: intervals 29–31 ([10, 16)) return exactly 1, since tanh rounds to 1 in float beyond 9.02.
    private const float TanhTableCap = 15f;

    /// <summary>
    /// tanh x for each lane with AVX-512: a = |x| (held at <see cref="TanhTableCap"/>) falls in one of 32
    /// intervals, [0, 1.25·2⁻⁴) and then the quarter binades from 1.25·2⁻⁴ to 16, picked by bits 21–25 of
    /// max(a, 2⁻⁴) (its two top mantissa bits and the low three of its exponent: one shift, and
    /// <c>vpermt2ps</c> reads only those five bits, so the table is stored rotated by the 12 that
    /// 2⁻⁴'s bits give); tanh a = c₀ + t·(c₁ + … + t·c₅) with t = a − s exact (s lies in a's interval, or is 0).
    /// Each interval's s was chosen so that c₀ = tanh s rounded to float is within a few thousandths of an ulp
    /// of it, and c₁…c₅ fitted towards minimax relative error with c₀ fixed (interval 0: c₀ = 0, c₁ = 1):
    /// `python3 tools/kernel-math-fit.py tanht 5 s` prints the table. The last multiply-add adds t·p, at most a
    /// tenth of c₀ outside interval 0, to c₀ and rounds once. Measured within 0.995 ulp of exact over every
    /// float; 18 vector operations, 7 of them the table's permutes, against about 32 for the two-branch form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> TanhSingleTable(Vector512<float> x)
    {
        // vminps returns its second operand where either is NaN: a NaN passes the cap and every step after it.
        Vector512<float> a = Avx512F.Min(Vector512.Create(TanhTableCap), Vector512.Abs(x));
        Vector512<int> index = Vector512.ShiftRightLogical(Avx512F.Max(a, Vector512.Create(TanhTableFloor)).AsInt32(), 21);

        Vector512<float> t = a - Avx512F.PermuteVar16x32x2(TanhTableCenterLow, index, TanhTableCenterHigh);
        Vector512<float> p = Avx512F.PermuteVar16x32x2(TanhTableC5Low, index, TanhTableC5High);
        p = Avx512F.FusedMultiplyAdd(p, t, Avx512F.PermuteVar16x32x2(TanhTableC4Low, index, TanhTableC4High));
        p = Avx512F.FusedMultiplyAdd(p, t, Avx512F.PermuteVar16x32x2(TanhTableC3Low, index, TanhTableC3High));
        p = Avx512F.FusedMultiplyAdd(p, t, Avx512F.PermuteVar16x32x2(TanhTableC2Low, index, TanhTableC2High));
        p = Avx512F.FusedMultiplyAdd(p, t, Avx512F.PermuteVar16x32x2(TanhTableC1Low, index, TanhTableC1High));
        p = Avx512F.FusedMultiplyAdd(p, t, Avx512F.PermuteVar16x32x2(TanhTableC0Low, index, TanhTableC0High));

        // p ≥ 0 (or NaN): x's sign bit onto it, −0 staying −0.
        return Vector512.ConditionalSelect(Vector512.Create(-0f), x, p);
    }

    /// <summary>The expansion point s of table slots 0–15.</summary>
    private static Vector512<float> TanhTableCenterLow
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            2.249577283859253f, 2.7495229244232178f, 3.2493772506713867f, 3.750706434249878f,
            4.500294208526611f, 5.498580455780029f, 6.498971939086914f, 7.501430034637451f,
            8.997138977050781f, 0.0f, 0.0f, 0.0f,
            0.0f, 0.08592529594898224f, 0.10156049579381943f, 0.11719150841236115f);
    }

    /// <summary>The expansion point s of table slots 16–31.</summary>
    private static Vector512<float> TanhTableCenterHigh
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.14059840142726898f, 0.17188763618469238f, 0.20316913723945618f, 0.23441928625106812f,
            0.28121307492256165f, 0.34375154972076416f, 0.40618768334388733f, 0.4688358008861542f,
            0.5624056458473206f, 0.6874731779098511f, 0.8123744130134583f, 0.9374492764472961f,
            1.1253259181976318f, 1.3747423887252808f, 1.6252789497375488f, 1.8746566772460938f);
    }

    /// <summary>Coefficient c0 of table slots 0–15.</summary>
    private static Vector512<float> TanhTableC0Low
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.9780077338218689f, 0.9918519854545593f, 0.996993899345398f, 0.9988960027694702f,
            0.9997533559799194f, 0.9999665021896362f, 0.9999954700469971f, 0.9999994039535522f,
            0.9999999403953552f, 1.0f, 1.0f, 1.0f,
            0.0f, 0.08571445196866989f, 0.1012127473950386f, 0.11665794253349304f);
    }

    /// <summary>Coefficient c0 of table slots 16–31.</summary>
    private static Vector512<float> TanhTableC0High
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.1396792232990265f, 0.17021457850933075f, 0.200419083237648f, 0.23021765053272247f,
            0.27402743697166443f, 0.33082249760627747f, 0.3852308988571167f, 0.43725818395614624f,
            0.5097601413726807f, 0.5963562726974487f, 0.6708980202674866f, 0.7340481281280518f,
            0.809413492679596f, 0.8797684907913208f, 0.9253863096237183f, 0.9540144205093384f);
    }

    /// <summary>Coefficient c1 of table slots 0–15.</summary>
    private static Vector512<float> TanhTableC1Low
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.0435008704662323f, 0.016229642555117607f, 0.006003166548907757f, 0.0022067767567932606f,
            0.0004932417650707066f, 6.699621735606343e-05f, 9.060127922566608e-06f, 1.22011374514841e-06f,
            6.126892060365208e-08f, 0.0f, 0.0f, 0.0f,
            1.0f, 0.9926530122756958f, 0.9897559881210327f, 0.9863909482955933f);
    }

    /// <summary>Coefficient c1 of table slots 16–31.</summary>
    private static Vector512<float> TanhTableC1High
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.9804897308349609f, 0.9710270166397095f, 0.9598321914672852f, 0.9469998478889465f,
            0.9249089360237122f, 0.8905564546585083f, 0.8515971302986145f, 0.8088052868843079f,
            0.7401446104049683f, 0.6443591713905334f, 0.5498958230018616f, 0.4611733555793762f,
            0.3448497951030731f, 0.2260074019432068f, 0.14366017282009125f, 0.08985648304224014f);
    }

    /// <summary>Coefficient c2 of table slots 0–15.</summary>
    private static Vector512<float> TanhTableC2Low
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            -0.04254297539591789f, -0.016096480190753937f, -0.00598470913246274f, -0.0022041788324713707f,
            -0.0004925033426843584f, -6.690997543046251e-05f, -9.048707397596445e-06f, -1.6261275277429377e-06f,
            1.5109809226032667e-07f, 0.0f, 0.0f, 0.0f,
            3.00164977318218e-08f, -0.08508464694023132f, -0.10017578303813934f, -0.11507022380828857f);
    }

    /// <summary>Coefficient c2 of table slots 16–31.</summary>
    private static Vector512<float> TanhTableC2High
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            -0.13695403933525085f, -0.1652829349040985f, -0.19236865639686584f, -0.2180161029100418f,
            -0.2534504532814026f, -0.29461610317230225f, -0.3280615508556366f, -0.35365670919418335f,
            -0.37729611992836f, -0.384267657995224f, -0.368924081325531f, -0.3385234773159027f,
            -0.2791280150413513f, -0.1988353431224823f, -0.1329415738582611f, -0.08572443574666977f);
    }

    /// <summary>Coefficient c3 of table slots 0–15.</summary>
    private static Vector512<float> TanhTableC3Low
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.027108650654554367f, 0.010555960237979889f, 0.003965853247791529f, 0.0014661828754469752f,
            0.00032814277801662683f, 4.460648779058829e-05f, 6.032557848811848e-06f, 8.081884743660339e-07f,
            3.9226744519282875e-08f, 0.0f, 0.0f, 0.0f,
            -0.3333367705345154f, -0.3222743570804596f, -0.3203026354312897f, -0.3168979585170746f);
    }

    /// <summary>Coefficient c3 of table slots 16–31.</summary>
    private static Vector512<float> TanhTableC3High
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            -0.30795952677726746f, -0.2958509027957916f, -0.28139498829841614f, -0.2657090425491333f,
            -0.2387418895959854f, -0.199305921792984f, -0.15738995373249054f, -0.11498815566301346f,
            -0.054393328726291656f, 0.014396642334759235f, 0.06423529237508774f, 0.09475979954004288f,
            0.11098010092973709f, 0.09959312528371811f, 0.07513664662837982f, 0.051830705255270004f);
    }

    /// <summary>Coefficient c4 of table slots 0–15.</summary>
    private static Vector512<float> TanhTableC4Low
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            -0.012393866665661335f, -0.00515204481780529f, -0.001980263739824295f, -0.0007381996256299317f,
            -0.00017185106116812676f, -2.3382584913633764e-05f, -3.1628574106434826e-06f, 1.169761958408344e-06f,
            -2.3134781201861188e-07f, 0.0f, 0.0f, 0.0f,
            0.00011648726649582386f, 0.05541103705763817f, 0.06299731880426407f, 0.07318496704101562f);
    }

    /// <summary>Coefficient c4 of table slots 16–31.</summary>
    private static Vector512<float> TanhTableC4High
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.08855029195547104f, 0.1053008958697319f, 0.1203625351190567f, 0.13391584157943726f,
            0.14991852641105652f, 0.16409732401371002f, 0.16998977959156036f, 0.16808241605758667f,
            0.15333090722560883f, 0.11948972940444946f, 0.07993437349796295f, 0.0433460995554924f,
            0.0036165770143270493f, -0.021101543679833412f, -0.025127623230218887f, -0.020859016105532646f);
    }

    /// <summary>Coefficient c5 of table slots 0–15.</summary>
    private static Vector512<float> TanhTableC5Low
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.00397759024053812f, 0.0019165690755471587f, 0.0007713139057159424f, 0.0002929126494564116f,
            6.85851919115521e-05f, 9.318130651081447e-06f, 1.261751549463952e-06f, 2.0548662860164768e-07f,
            1.176116537493499e-08f, 0.0f, 0.0f, 0.0f,
            0.13201603293418884f, -16.992584228515625f, 6.771503925323486f, 19.850845336914062f);
    }

    /// <summary>Coefficient c5 of table slots 16–31.</summary>
    private static Vector512<float> TanhTableC5High
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.949516773223877f, 1.0992337465286255f, 0.10584407299757004f, 0.8377763032913208f,
            -0.027415113523602486f, -0.03266831114888191f, -0.07164556533098221f, 0.0037695798091590405f,
            -0.04201626032590866f, -0.06588227301836014f, -0.06749822944402695f, -0.051629502326250076f,
            -0.03207588940858841f, -0.009525265544652939f, 0.0013625620631501079f, 0.004587410017848015f);
    }

    /// <summary>Float tanh: <see cref="TanhSingleTable"/> with AVX-512, <see cref="TanhSingle{TLanes, TVector, TDouble}"/> elsewhere.</summary>
    private readonly struct TanhFunction : ISingleTableFunction
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Table(Vector512<float> x) => TanhSingleTable(x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVector Lanes<TLanes, TVector, TDouble>(TVector x)
            where TLanes : ISingleLanes<TVector, TDouble> => TanhSingle<TLanes, TVector, TDouble>(x);
    }
}
