namespace Simd.Optimization;

/// <summary>
/// Which of <see cref="OptimizerKernels"/> one step runs. Each takes, after its lanes, the uniforms of an
/// <see cref="OptimizerStepPlan"/> in its parameter order; its <c>ref</c> lanes are the parameters and then the
/// state buffers in the optimizer's order, and its read lane the gradients.
/// </summary>
internal enum OptimizerKernel
{
    /// <summary><see cref="OptimizerKernels.SgdStep{T}"/>: no state.</summary>
    Sgd,

    /// <summary><see cref="OptimizerKernels.SgdMomentumStep{T}"/>: the momentum buffer.</summary>
    SgdMomentum,

    /// <summary><see cref="OptimizerKernels.AdamStep{T}"/>: m, v.</summary>
    Adam,

    /// <summary><see cref="OptimizerKernels.AdamAmsgradStep{T}"/>: m, v, v_max.</summary>
    AdamAmsgrad,

    /// <summary><see cref="OptimizerKernels.RmspropStep{T}"/>: v.</summary>
    Rmsprop,

    /// <summary><see cref="OptimizerKernels.RmspropCenteredStep{T}"/>: v, ḡ.</summary>
    RmspropCentered,

    /// <summary><see cref="OptimizerKernels.RmspropMomentumStep{T}"/>: v, the momentum buffer.</summary>
    RmspropMomentum,

    /// <summary><see cref="OptimizerKernels.RmspropCenteredMomentumStep{T}"/>: v, ḡ, the momentum buffer.</summary>
    RmspropCenteredMomentum,

    /// <summary><see cref="OptimizerKernels.AdagradStep{T}"/>: the sum of squares.</summary>
    Adagrad,
}
