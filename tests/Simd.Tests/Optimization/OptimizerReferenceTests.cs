using System;
using System.Numerics;
using Simd.Optimization;
using Xunit;

namespace Simd.Tests.Optimization;

/// <summary>
/// Every optimizer and option combination against the double-precision PyTorch reference, weights and state, after
/// every one of many steps, at lengths around the vector widths and on misaligned spans.
/// </summary>
/// <remarks>
/// Tolerance, derived: one step rounds each computed quantity a handful of times (at most 8 operations, each within
/// ε/2 relative, ε the machine epsilon of T), and the host scalars once more. The state buffers are averages whose
/// old errors decay (factors below 1) or sums whose errors add, so after t steps a buffer is within t·4ε·max|buffer|.
/// θ adds its own rounding (t·4ε·max|θ|) and, per step, the update's error: the update is at most max|Δθ| and its
/// relative error is that of the state, so within t·4ε·t·max|Δθ| in total. The tests allow 16 times these
/// (t·64ε·(max|θ| + t·max|Δθ|), and t·64ε·max|buffer|): tens of ulps, while a wrong rule (a missing bias
/// correction, dampening on the first step, decay coupled instead of decoupled) is off by a fraction of γ at once.
/// </remarks>
public sealed class OptimizerReferenceTests
{
    private const int Steps = 40;

    private static readonly int[] Lengths = [1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 131];

    public static TheoryDataNames Names => OptimizerCases.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Float_matches_the_reference(string name) => Check<float>(name, Math.Pow(2, -23));

    [Theory]
    [MemberData(nameof(Names))]
    public void Double_matches_the_reference(string name) => Check<double>(name, Math.Pow(2, -52));

    private static void Check<T>(string name, double epsilon)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (OptimizerOptions options, Func<int, TorchReference> makeReference) = OptimizerCases.All[name];
        foreach (int length in Lengths)
        {
            for (int offset = 0; offset < 2; offset++)
            {
                var random = new Random((length * 31) + offset);
                TorchReference reference = makeReference(length);
                Optimizer<T> optimizer = options.Create<T>();
                double[] expected = OptimizerCases.Parameters(random, length);
                var storage = new T[length + 2];
                var gradientStorage = new T[length + 3];
                Span<T> parameters = storage.AsSpan(offset, length);
                Span<T> gradients = gradientStorage.AsSpan(2 - offset, length);
                for (int i = 0; i < length; i++)
                {
                    parameters[i] = T.CreateChecked(expected[i]);
                }

                double maxTheta = MaxAbs(expected), maxDelta = 0;
                var maxState = new double[optimizer.BufferCount];
                for (int t = 1; t <= Steps; t++)
                {
                    double[] g = OptimizerCases.Gradients(random, length);
                    for (int i = 0; i < length; i++)
                    {
                        gradients[i] = T.CreateChecked(g[i]);
                    }

                    double[] before = (double[])expected.Clone();
                    reference.Step(expected, g);
                    optimizer.Step(parameters, gradients);
                    for (int i = 0; i < length; i++)
                    {
                        maxDelta = Math.Max(maxDelta, Math.Abs(expected[i] - before[i]));
                    }

                    maxTheta = Math.Max(maxTheta, MaxAbs(expected));
                    double thetaTolerance = t * 64 * epsilon * (maxTheta + (t * maxDelta));
                    string where = $"{name} {typeof(T).Name}, length {length}, offset {offset}, step {t}";
                    for (int i = 0; i < length; i++)
                    {
                        double actual = double.CreateChecked(parameters[i]);
                        Assert.True(Math.Abs(actual - expected[i]) <= thetaTolerance, $"{where}: θ[{i}] = {actual:R}, reference {expected[i]:R}, tolerance {thetaTolerance:R}");
                    }

                    OptimizerState<T> state = optimizer.ExportState();
                    Assert.Equal(t, state.GetStepCount(0));
                    double[][] referenceState = reference.State;
                    Assert.Equal(referenceState.Length, state.BufferCount);
                    for (int k = 0; k < referenceState.Length; k++)
                    {
                        maxState[k] = Math.Max(maxState[k], MaxAbs(referenceState[k]));
                        double tolerance = t * 64 * epsilon * maxState[k];
                        T[] buffer = state.GetBuffer(0, k);
                        for (int i = 0; i < length; i++)
                        {
                            double actual = double.CreateChecked(buffer[i]);
                            Assert.True(
                                Math.Abs(actual - referenceState[k][i]) <= tolerance,
                                $"{where}: buffer {k}[{i}] = {actual:R}, reference {referenceState[k][i]:R}, tolerance {tolerance:R}");
                        }
                    }
                }

                // Nothing outside the parameter span is written.
                Assert.Equal(T.Zero, storage[offset == 0 ? length : 0]);
                Assert.Equal(T.Zero, storage[length + 1]);
            }
        }
    }

    private static double MaxAbs(double[] values)
    {
        double m = 0;
        foreach (double v in values)
        {
            m = Math.Max(m, Math.Abs(v));
        }

        return m;
    }
}
