using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Simd.Optimization;

/// <summary>Runs an <see cref="OptimizerStepPlan"/> on the CPU: the plan's kernel over the parameters, the state and the gradients.</summary>
internal static class OptimizerStepRunner
{
    public static void Run<T>(OptimizerStepPlan plan, Span<T> parameters, ReadOnlySpan<T> gradients, T[][] state)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            float[] u = Array.ConvertAll(plan.Uniforms, v => (float)v);
            Span<float> p = MemoryMarshal.Cast<T, float>(parameters);
            ReadOnlySpan<float> g = MemoryMarshal.Cast<T, float>(gradients);
            Span<float> S(int k) => MemoryMarshal.Cast<T, float>(state[k].AsSpan());
            switch (plan.Kernel)
            {
                case OptimizerKernel.Sgd: OptimizerKernels.SgdStep(p, g, u[0], u[1]); break;
                case OptimizerKernel.SgdMomentum: OptimizerKernels.SgdMomentumStep(p, S(0), g, u[0], u[1], u[2], u[3], u[4], u[5]); break;
                case OptimizerKernel.Adam: OptimizerKernels.AdamStep(p, S(0), S(1), g, u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8]); break;
                case OptimizerKernel.AdamAmsgrad: OptimizerKernels.AdamAmsgradStep(p, S(0), S(1), S(2), g, u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8]); break;
                case OptimizerKernel.Rmsprop: OptimizerKernels.RmspropStep(p, S(0), g, u[0], u[1], u[2], u[3], u[4]); break;
                case OptimizerKernel.RmspropCentered: OptimizerKernels.RmspropCenteredStep(p, S(0), S(1), g, u[0], u[1], u[2], u[3], u[4]); break;
                case OptimizerKernel.RmspropMomentum: OptimizerKernels.RmspropMomentumStep(p, S(0), S(1), g, u[0], u[1], u[2], u[3], u[4], u[5]); break;
                case OptimizerKernel.RmspropCenteredMomentum: OptimizerKernels.RmspropCenteredMomentumStep(p, S(0), S(1), S(2), g, u[0], u[1], u[2], u[3], u[4], u[5]); break;
                case OptimizerKernel.Adagrad: OptimizerKernels.AdagradStep(p, S(0), g, u[0], u[1], u[2]); break;
                default: throw new InvalidOperationException($"No CPU step for {plan.Kernel}.");
            }
        }
        else
        {
            double[] u = plan.Uniforms;
            Span<double> p = MemoryMarshal.Cast<T, double>(parameters);
            ReadOnlySpan<double> g = MemoryMarshal.Cast<T, double>(gradients);
            Span<double> S(int k) => MemoryMarshal.Cast<T, double>(state[k].AsSpan());
            switch (plan.Kernel)
            {
                case OptimizerKernel.Sgd: OptimizerKernels.SgdStep(p, g, u[0], u[1]); break;
                case OptimizerKernel.SgdMomentum: OptimizerKernels.SgdMomentumStep(p, S(0), g, u[0], u[1], u[2], u[3], u[4], u[5]); break;
                case OptimizerKernel.Adam: OptimizerKernels.AdamStep(p, S(0), S(1), g, u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8]); break;
                case OptimizerKernel.AdamAmsgrad: OptimizerKernels.AdamAmsgradStep(p, S(0), S(1), S(2), g, u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8]); break;
                case OptimizerKernel.Rmsprop: OptimizerKernels.RmspropStep(p, S(0), g, u[0], u[1], u[2], u[3], u[4]); break;
                case OptimizerKernel.RmspropCentered: OptimizerKernels.RmspropCenteredStep(p, S(0), S(1), g, u[0], u[1], u[2], u[3], u[4]); break;
                case OptimizerKernel.RmspropMomentum: OptimizerKernels.RmspropMomentumStep(p, S(0), S(1), g, u[0], u[1], u[2], u[3], u[4], u[5]); break;
                case OptimizerKernel.RmspropCenteredMomentum: OptimizerKernels.RmspropCenteredMomentumStep(p, S(0), S(1), S(2), g, u[0], u[1], u[2], u[3], u[4], u[5]); break;
                case OptimizerKernel.Adagrad: OptimizerKernels.AdagradStep(p, S(0), g, u[0], u[1], u[2]); break;
                default: throw new InvalidOperationException($"No CPU step for {plan.Kernel}.");
            }
        }
    }
}
