namespace Simd.Optimization;

/// <summary>
/// One step of an optimizer, decided on the host: the kernel and its uniforms (the step-dependent scalars computed
/// once, in double). The CPU step and the device step run the same plan, so they pass the kernel the same values.
/// </summary>
/// <param name="Kernel">The update kernel.</param>
/// <param name="Uniforms">Its uniform arguments in parameter order, in double; a float kernel gets each rounded to float.</param>
internal readonly record struct OptimizerStepPlan(OptimizerKernel Kernel, double[] Uniforms);
