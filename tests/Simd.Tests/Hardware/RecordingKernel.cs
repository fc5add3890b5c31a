using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Operators;

namespace Simd.Tests.Hardware;

/// <summary>Which of a kernel's methods the drivers called.</summary>
internal sealed class WidthLog
{
    public int Scalar;
    public int V128;
    public int V256;
    public int V512;
    public int VectorT;
}

/// <summary>
/// A hand-written kernel that records the width of every call and returns zeros; as a sum kernel it says it has side
/// outputs unless told otherwise, so the driver must compute each element exactly once.
/// </summary>
internal readonly ref struct RecordingKernel(WidthLog log, bool sideOutputs = true) : IMapKernel<float>, ISumKernel<float>
{
    private static readonly float[] Output = new float[1];

    public bool IsExact => true;

    public ref readonly float FirstOutput => ref Output[0];

    public bool HasSideOutputs => sideOutputs;

    public ref readonly float FirstLane => ref Output[0];

    public void Step(nuint index) => Compute(index);

    public void Step128(nuint index) => Compute128(index);

    public void Step256(nuint index) => Compute256(index);

    public void Step512(nuint index) => Compute512(index);

    public void StepVector(nuint index) => ComputeVector(index);

    public float Compute(nuint index)
    {
        log.Scalar++;
        return 0;
    }

    public Vector128<float> Compute128(nuint index)
    {
        log.V128++;
        return Vector128<float>.Zero;
    }

    public Vector256<float> Compute256(nuint index)
    {
        log.V256++;
        return Vector256<float>.Zero;
    }

    public Vector512<float> Compute512(nuint index)
    {
        log.V512++;
        return Vector512<float>.Zero;
    }

    public Vector<float> ComputeVector(nuint index)
    {
        log.VectorT++;
        return Vector<float>.Zero;
    }

    public Vector128<float> Accumulate128(Vector128<float> sum, nuint index) => sum + Compute128(index);

    public Vector256<float> Accumulate256(Vector256<float> sum, nuint index) => sum + Compute256(index);

    public Vector512<float> Accumulate512(Vector512<float> sum, nuint index) => sum + Compute512(index);

    public Vector<float> AccumulateVector(Vector<float> sum, nuint index) => sum + ComputeVector(index);
}
