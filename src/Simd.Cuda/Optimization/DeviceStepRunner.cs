using System;
using System.Numerics;
using Simd.Optimization;

namespace Simd.Cuda.Optimization;

/// <summary>
/// Runs an optimizer's step plan on the device: the device overload of the plan's kernel (the same scalar method
/// the CPU step runs) over the parameters, the state and the gradients, with the plan's uniforms.
/// </summary>
internal static class DeviceStepRunner
{
    public static void Run<T>(OptimizerStepPlan plan, DeviceBuffer<T> parameters, DeviceBuffer<T> gradients, DeviceBuffer<T>[] state)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            float[] u = Array.ConvertAll(plan.Uniforms, v => (float)v);
            var p = (DeviceBuffer<float>)(object)parameters;
            var g = (DeviceBuffer<float>)(object)gradients;
            DeviceBuffer<float> S(int k) => (DeviceBuffer<float>)(object)state[k];
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
                default: throw new InvalidOperationException($"No device step for {plan.Kernel}.");
            }
        }
        else
        {
            double[] u = plan.Uniforms;
            var p = (DeviceBuffer<double>)(object)parameters;
            var g = (DeviceBuffer<double>)(object)gradients;
            DeviceBuffer<double> S(int k) => (DeviceBuffer<double>)(object)state[k];
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
                default: throw new InvalidOperationException($"No device step for {plan.Kernel}.");
            }
        }
    }

    /// <summary>Whether any parameter or gradient is NaN or ∞, by one device reduction (one value comes back).</summary>
    public static bool AnyNonFinite<T>(DeviceBuffer<T> parameters, DeviceBuffer<T> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>
        => typeof(T) == typeof(float)
            ? FiniteCheckKernels.NonFiniteSum((DeviceBuffer<float>)(object)parameters, (DeviceBuffer<float>)(object)gradients) != 0
            : FiniteCheckKernels.NonFiniteSum((DeviceBuffer<double>)(object)parameters, (DeviceBuffer<double>)(object)gradients) != 0;
}
