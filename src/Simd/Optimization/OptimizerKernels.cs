using System.Numerics;

// One source for both assemblies: Simd compiles it for the CPU steps, Simd.Cuda (which defines SIMD_CUDA) for the
// device overloads of the same kernels, in a namespace of its own so the two internal classes never meet.
#if SIMD_CUDA
namespace Simd.Cuda.Optimization;
#else
namespace Simd.Optimization;
#endif

/// <summary>
/// The update rules of the optimizers as scalar [Kernel] methods, one pass each: every parameter, gradient and
/// state element is read once and written once, with no temporaries. Step-dependent scalars (bias corrections,
/// the decayed learning rate, the first-step momentum factors) are computed once per step by the optimizer and
/// passed as uniforms. Each kernel is generated for <see langword="float"/> and <see langword="double"/>.
/// </summary>
/// <remarks>
/// A weight decay of 0 adds 0·θ = 0 and a factor of 1 multiplies exactly, so the coupled and decoupled forms share
/// one kernel without changing a bit of the undecayed result (θ is finite: the optimizers refuse non-finite parameters and gradients).
/// <para>Factors such as 1 − β arrive as uniforms computed in double: 1 − β₂ formed in float from β₂ = 0.999f would
/// carry the representation error of β₂ magnified a thousandfold.</para>
/// </remarks>
internal static partial class OptimizerKernels
{
    /// <summary>SGD without momentum: g ← g + λθ, θ ← θ − γg.</summary>
    [Kernel]
    internal static void SgdStep<T>(ref T parameter, T gradient, [Uniform] T learningRate, [Uniform] T weightDecay)
        where T : IFloatingPointIeee754<T>
    {
        T g = gradient + (weightDecay * parameter);
        parameter -= learningRate * g;
    }

    /// <summary>
    /// SGD with momentum: g ← g + λθ, b ← keep·b + scale·g (keep = μ, scale = 1 − τ; on the first step keep = 0,
    /// scale = 1, so b = g), g ← g + μb with Nesterov (nesterov &gt; 0) or g ← b, θ ← θ − γg.
    /// </summary>
    [Kernel]
    internal static void SgdMomentumStep<T>(
        ref T parameter, ref T buffer, T gradient,
        [Uniform] T learningRate, [Uniform] T weightDecay, [Uniform] T keep, [Uniform] T scale, [Uniform] T momentum, [Uniform] T nesterov)
        where T : IFloatingPointIeee754<T>
    {
        T g = gradient + (weightDecay * parameter);
        buffer = (keep * buffer) + (scale * g);
        T u = nesterov > T.Zero ? g + (momentum * buffer) : buffer;
        parameter -= learningRate * u;
    }

    /// <summary>
    /// Adam / AdamW: θ ← shrink·θ (AdamW: shrink = 1 − γλ), g ← g + λ_c·θ (Adam: λ_c = λ), m ← β₁m + (1 − β₁)g,
    /// v ← β₂v + (1 − β₂)g², θ ← θ − stepSize·m / (√v / √c₂ + ε) with stepSize = γ / (1 − β₁ᵗ), √c₂ = √(1 − β₂ᵗ).
    /// </summary>
    [Kernel]
    internal static void AdamStep<T>(
        ref T parameter, ref T m, ref T v, T gradient,
        [Uniform] T shrink, [Uniform] T coupledDecay, [Uniform] T beta1, [Uniform] T oneMinusBeta1, [Uniform] T beta2, [Uniform] T oneMinusBeta2, [Uniform] T epsilon,
        [Uniform] T stepSize, [Uniform] T biasCorrection2Sqrt)
        where T : IFloatingPointIeee754<T>
    {
        T g = gradient + (coupledDecay * parameter);
        m = (beta1 * m) + (oneMinusBeta1 * g);
        v = (beta2 * v) + (oneMinusBeta2 * g * g);
        T denominator = (T.Sqrt(v) / biasCorrection2Sqrt) + epsilon;
        parameter = (shrink * parameter) - (stepSize * m / denominator);
    }

    /// <summary>Adam / AdamW with AMSGrad: as <see cref="AdamStep{T}(ref T, ref T, ref T, T, T, T, T, T, T, T, T, T, T)"/>, with vMax ← max(vMax, v) in the denominator.</summary>
    [Kernel]
    internal static void AdamAmsgradStep<T>(
        ref T parameter, ref T m, ref T v, ref T vMax, T gradient,
        [Uniform] T shrink, [Uniform] T coupledDecay, [Uniform] T beta1, [Uniform] T oneMinusBeta1, [Uniform] T beta2, [Uniform] T oneMinusBeta2, [Uniform] T epsilon,
        [Uniform] T stepSize, [Uniform] T biasCorrection2Sqrt)
        where T : IFloatingPointIeee754<T>
    {
        T g = gradient + (coupledDecay * parameter);
        m = (beta1 * m) + (oneMinusBeta1 * g);
        v = (beta2 * v) + (oneMinusBeta2 * g * g);
        vMax = T.Max(vMax, v);
        T denominator = (T.Sqrt(vMax) / biasCorrection2Sqrt) + epsilon;
        parameter = (shrink * parameter) - (stepSize * m / denominator);
    }

    /// <summary>RMSprop: g ← g + λθ, v ← αv + (1 − α)g², θ ← θ − γ·g / (√v + ε).</summary>
    [Kernel]
    internal static void RmspropStep<T>(
        ref T parameter, ref T v, T gradient, [Uniform] T learningRate, [Uniform] T alpha, [Uniform] T oneMinusAlpha, [Uniform] T epsilon, [Uniform] T weightDecay)
        where T : IFloatingPointIeee754<T>
    {
        T g = gradient + (weightDecay * parameter);
        v = (alpha * v) + (oneMinusAlpha * g * g);
        parameter -= learningRate * (g / (T.Sqrt(v) + epsilon));
    }

    /// <summary>Centered RMSprop: also ḡ ← αḡ + (1 − α)g, and the denominator is √(v − ḡ²) + ε.</summary>
    [Kernel]
    internal static void RmspropCenteredStep<T>(
        ref T parameter, ref T v, ref T average, T gradient,
        [Uniform] T learningRate, [Uniform] T alpha, [Uniform] T oneMinusAlpha, [Uniform] T epsilon, [Uniform] T weightDecay)
        where T : IFloatingPointIeee754<T>
    {
        T g = gradient + (weightDecay * parameter);
        v = (alpha * v) + (oneMinusAlpha * g * g);
        average = (alpha * average) + (oneMinusAlpha * g);
        parameter -= learningRate * (g / (T.Sqrt(v - (average * average)) + epsilon));
    }

    /// <summary>RMSprop with momentum: b ← μb + g / (√v + ε), θ ← θ − γb.</summary>
    [Kernel]
    internal static void RmspropMomentumStep<T>(
        ref T parameter, ref T v, ref T buffer, T gradient,
        [Uniform] T learningRate, [Uniform] T alpha, [Uniform] T oneMinusAlpha, [Uniform] T epsilon, [Uniform] T weightDecay, [Uniform] T momentum)
        where T : IFloatingPointIeee754<T>
    {
        T g = gradient + (weightDecay * parameter);
        v = (alpha * v) + (oneMinusAlpha * g * g);
        buffer = (momentum * buffer) + (g / (T.Sqrt(v) + epsilon));
        parameter -= learningRate * buffer;
    }

    /// <summary>Centered RMSprop with momentum: b ← μb + g / (√(v − ḡ²) + ε), θ ← θ − γb.</summary>
    [Kernel]
    internal static void RmspropCenteredMomentumStep<T>(
        ref T parameter, ref T v, ref T average, ref T buffer, T gradient,
        [Uniform] T learningRate, [Uniform] T alpha, [Uniform] T oneMinusAlpha, [Uniform] T epsilon, [Uniform] T weightDecay, [Uniform] T momentum)
        where T : IFloatingPointIeee754<T>
    {
        T g = gradient + (weightDecay * parameter);
        v = (alpha * v) + (oneMinusAlpha * g * g);
        average = (alpha * average) + (oneMinusAlpha * g);
        buffer = (momentum * buffer) + (g / (T.Sqrt(v - (average * average)) + epsilon));
        parameter -= learningRate * buffer;
    }

    /// <summary>Adagrad: g ← g + λθ, s ← s + g², θ ← θ − clr·g / (√s + ε), clr = γ / (1 + (t − 1)η).</summary>
    [Kernel]
    internal static void AdagradStep<T>(
        ref T parameter, ref T sum, T gradient, [Uniform] T decayedLearningRate, [Uniform] T epsilon, [Uniform] T weightDecay)
        where T : IFloatingPointIeee754<T>
    {
        T g = gradient + (weightDecay * parameter);
        sum += g * g;
        parameter -= decayedLearningRate * (g / (T.Sqrt(sum) + epsilon));
    }
}
