using System;
using Simd.Optimization;
using Xunit;

namespace Simd.Tests.Optimization;

/// <summary>
/// The optimizers' vector paths give exactly the bits of their scalar [Kernel] methods, element by element, with the
/// host scalars the optimizer documents (so the reference tolerance covers only float-versus-double rounding).
/// </summary>
public sealed class OptimizerKernelTests
{
    [Fact]
    public void Adam_amsgrad_steps_are_the_scalar_method_bit_for_bit()
    {
        var options = new AdamWOptions(0.01, 0.8, 0.99, 1e-6, 0.1, amsgrad: true);
        for (int n = 1; n <= 67; n++)
        {
            var random = new Random(n);
            float[] p = Array.ConvertAll(OptimizerCases.Parameters(random, n), v => (float)v);
            float[] expected = (float[])p.Clone();
            float[] m = new float[n], v = new float[n], vMax = new float[n];
            var adam = new AdamW<float>(options);
            for (int t = 1; t <= 5; t++)
            {
                float[] g = Array.ConvertAll(OptimizerCases.Gradients(random, n), x => (float)x);
                adam.Step(p, g);
                double stepSize = 0.01 / (1 - Math.Pow(0.8, t)), c2 = Math.Sqrt(1 - Math.Pow(0.99, t));
                for (int i = 0; i < n; i++)
                {
                    OptimizerKernels.AdamAmsgradStep(
                        ref expected[i], ref m[i], ref v[i], ref vMax[i], g[i],
                        (float)(1 - (0.01 * 0.1)), 0f, 0.8f, (float)(1 - 0.8), 0.99f, (float)(1 - 0.99), 1e-6f, (float)stepSize, (float)c2);
                }

                Assert.Equal(expected, p);
                Assert.Equal(vMax, adam.ExportState().GetBuffer(0, 2));
            }
        }
    }

    [Fact]
    public void Centered_rmsprop_with_momentum_steps_are_the_scalar_method_bit_for_bit()
    {
        var options = new RMSpropOptions(0.005, 0.9, 1e-6, 0.01, 0.5, true);
        for (int n = 1; n <= 67; n++)
        {
            var random = new Random(n);
            double[] p = OptimizerCases.Parameters(random, n);
            double[] expected = (double[])p.Clone();
            double[] v = new double[n], average = new double[n], buffer = new double[n];
            var rms = new RMSprop<double>(options);
            for (int t = 1; t <= 5; t++)
            {
                double[] g = OptimizerCases.Gradients(random, n);
                rms.Step(p, g);
                for (int i = 0; i < n; i++)
                {
                    OptimizerKernels.RmspropCenteredMomentumStep(ref expected[i], ref v[i], ref average[i], ref buffer[i], g[i], 0.005, 0.9, 1 - 0.9, 1e-6, 0.01, 0.5);
                }

                Assert.Equal(expected, p);
            }
        }
    }
}
