using System;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

/// <summary>The hot calls of the learning layer allocate nothing on the managed heap once warm (single-thread inputs).</summary>
public class AllocationTests
{
    private const int Calls = 200;

    [Fact]
    public void Cost_and_gradient_allocate_nothing()
    {
        double[] data = new double[64 * 8];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = Math.Sin(i);
        }

        var x = new ReadOnlyMatrixView<double>(data, 64, 8);
        double[] y = new double[64], w = new double[8], g = new double[8];
        float[] xf = Array.ConvertAll(data, v => (float)v), yf = new float[64], wf = new float[8], gf = new float[8];
        var xfv = new ReadOnlyMatrixView<float>(xf, 64, 8);
        Assert.Equal(0, Allocated(() =>
        {
            LinearRegression.CostAndGradient(x, y, w, 0.0, g, out _);
            LinearRegression.CostAndGradient(xfv, yf, wf, 0f, gf, out _);
            LogisticRegression.CostAndGradient(x, y, w, 0.0, g, out _);
            LogisticRegression.CostAndGradient(xfv, yf, wf, 0f, gf, out _);
        }));
    }

    [Fact]
    public void Softmax_allocates_nothing()
    {
        float[] z = [1, 2, 3, 4, 5, 6, 7, 8, 9], p = new float[9];
        Assert.Equal(0, Allocated(() =>
        {
            Softmax.Compute<float>(z, p);
            Softmax.ComputeLog<float>(z, p);
        }));
    }

    [Fact]
    public void Row_primitives_allocate_nothing()
    {
        // 8×37: one chunk, one thread; strided so every path takes the overlapping last vector.
        float[] data = new float[(7 * 40) + 37], out1 = new float[data.Length], out2 = new float[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = MathF.Sin(i);
        }

        var x = new ReadOnlyMatrixView<float>(data, 8, 37, 40);
        var y = new MatrixView<float>(out1, 8, 37, 40);
        var dx = new MatrixView<float>(out2, 8, 37, 40);
        float[] gamma = new float[37], beta = new float[37], dGamma = new float[37], dBeta = new float[37], mean = new float[8], r = new float[8], losses = new float[8];
        int[] labels = [0, 1, 2, 3, 4, 5, 6, 36];
        Assert.Equal(0, Allocated(() =>
        {
            Softmax.ComputeRows(x, y);
            Softmax.ComputeLogRows(x, y);
            Softmax.CrossEntropyAndGradient(x, labels, y, losses);
            Softmax.CrossEntropy(x, labels);
            LayerNorm.Forward(x, gamma, beta, y, mean, r);
            LayerNorm.Backward(x, y, gamma, mean, r, dx, dGamma, dBeta);
            RmsNorm.Forward(x, gamma, y, 1e-6, r);
            RmsNorm.Backward(x, y, gamma, r, dx, dGamma);
        }));
    }

    /// <summary>
    /// The fewest bytes allocated over five windows of <see cref="Calls"/> calls, after a warm-up: an allocation made on
    /// every call shows in each window, while a one-off one shows in one at most (for example the shared array pool
    /// refilling a bucket it trimmed at a full collection, which the tests running beside this one can cause at any
    /// time; one run on the scalar path failed here with no per-call allocation to be found).
    /// </summary>
    private static long Allocated(Action call)
    {
        for (int i = 0; i < Calls; i++)
        {
            call();
        }

        long fewest = long.MaxValue;
        for (int window = 0; window < 5; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Calls; i++)
            {
                call();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
