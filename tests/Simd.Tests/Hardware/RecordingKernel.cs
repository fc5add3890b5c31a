using System;
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

    /// <summary>Blocks stored past the caches (counted in their width's field too).</summary>
    public int Streamed;
}

/// <summary>
/// A hand-written kernel that records the width of every call and returns zeros; as a sum kernel it says it has side
/// outputs unless told otherwise, so the driver must compute each element exactly once. Given a destination (and the
/// element of it where the output starts) it says it is streamable, and its first output is that element.
/// </summary>
internal readonly ref struct RecordingKernel(WidthLog log, bool sideOutputs = true, float[]? destination = null, int start = 0) : IMapKernel<float>, ISumKernel<float>
{
    private static readonly float[] Output = new float[1];

    public bool IsExact => true;

    public ref readonly float FirstOutput => ref destination is null ? ref Output[0] : ref destination[start];

    public bool IsStreamable => destination is not null;

    public bool HasSideOutputs => sideOutputs;

    public ref readonly float FirstLane => ref Output[0];

    public void Step(nuint index) => Compute(index);

    public void Step128(nuint index) => Compute128(index);

    public void Step256(nuint index) => Compute256(index);

    public void Step512(nuint index) => Compute512(index);

    public void StepVector(nuint index) => ComputeVector(index);

    public void Stream128(nuint index)
    {
        Streamed(index, 16);
        Compute128(index);
    }

    public void Stream256(nuint index)
    {
        Streamed(index, 32);
        Compute256(index);
    }

    public void Stream512(nuint index)
    {
        Streamed(index, 64);
        Compute512(index);
    }

    public void StreamVector(nuint index)
    {
        Streamed(index, Vector<float>.Count * sizeof(float));
        ComputeVector(index);
    }

    /// <summary>Records a streamed block after checking what the driver promised: a streamable kernel, an aligned element.</summary>
    private unsafe void Streamed(nuint index, int bytes)
    {
        if (destination is null)
        {
            throw new InvalidOperationException("a kernel that is not streamable was streamed");
        }

        fixed (float* element = &destination[start + (int)index])
        {
            if ((nuint)element % (nuint)bytes != 0)
            {
                throw new InvalidOperationException($"block {index} streamed to an address not aligned to {bytes} bytes");
            }
        }

        log.Streamed++;
    }

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
