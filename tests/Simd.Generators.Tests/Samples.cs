namespace Simd.Generators.Tests;

/// <summary>Kernel sources used by several tests.</summary>
internal static class Samples
{
    public const string Losses = """
        using System;
        using Simd;

        namespace Consumer;

        /// <summary>Losses.</summary>
        public static partial class Losses
        {
            /// <summary>Squared error.</summary>
            [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
            public static float SquaredError(float prediction, float target)
            {
                float d = prediction - target;
                return d * d;
            }

            /// <summary>A step.</summary>
            [Kernel]
            public static void Step(ref float weight, float gradient, [Uniform] float learningRate)
                => weight -= learningRate * gradient;

            /// <summary>Huber loss.</summary>
            [Kernel(Reductions = Reduction.Sum)]
            public static double Huber(double residual, [Uniform] double delta)
            {
                double a = Math.Abs(residual);
                return a <= delta ? 0.5 * residual * residual : delta * (a - 0.5 * delta);
            }

            /// <summary>Calls.</summary>
            [Kernel]
            internal static float Calls(float p, float t, float w, float @class) => SquaredError(p, t) * w - (p > t && !(t == w) ? -@class : Math.Clamp(p, -1f, 1f));
        }
        """;

    /// <summary>A kernel that mixes float and int lanes: a conversion, a shift by a uniform, a condition on floats selecting ints, an integer sum.</summary>
    public const string Integers = """
        using Simd;

        namespace Demo;

        public static partial class Codes
        {
            [Kernel(Reductions = Reduction.Sum)]
            public static int Quantize(float x, [Uniform] float scale, [Uniform] int shift)
            {
                int q = (int)(x * scale);
                return x > 0 ? q << shift : -q;
            }
        }
        """;

    /// <summary>Optimizer-shaped kernels with several outputs, compiled against Simd.Cuda so that they get device overloads.</summary>
    public const string DeviceOptimizers = """
        using System;
        using Simd;

        namespace Consumer;

        /// <summary>Steps.</summary>
        public static partial class Steps
        {
            /// <summary>SGD with momentum.</summary>
            [Kernel]
            public static void Momentum(ref float weight, ref float velocity, float gradient, [Uniform] float learningRate, [Uniform] float mu)
            {
                velocity = (mu * velocity) + gradient;
                weight -= learningRate * velocity;
            }

            /// <summary>The logistic function and its derivative.</summary>
            [Kernel(Reductions = Reduction.Sum)]
            public static float SigmoidWithGrad(float x, out float grad)
            {
                float s = 1 / (1 + MathF.Exp(-x));
                grad = s * (1 - s);
                return s;
            }

            /// <summary>Squared error, a returned value only.</summary>
            [Kernel(Reductions = Reduction.Sum)]
            public static float SquaredError(float prediction, float target)
            {
                float d = prediction - target;
                return d * d;
            }
        }
        """;
}
