using System;
using Simd.Cuda.Learning;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>Checks that need no GPU: definitions and training input are validated with messages naming the problem.</summary>
public sealed class InputValidationTests
{
    [Theory]
    [InlineData("2fast", "'2fast' is not a C identifier (letters, digits and '_', not starting with a digit). (Parameter 'name')")]
    [InlineData("a-b", "'a-b' is not a C identifier (letters, digits and '_', not starting with a digit). (Parameter 'name')")]
    [InlineData("simd_map", "'simd_map' starts with 'simd_', which is reserved for the CUDA prelude and kernel templates. (Parameter 'name')")]
    public void A_kernel_name_must_be_a_free_C_identifier(string name, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new CudaKernelDefinition(name, "__device__ float f(float a) { return a; }", false, [true]));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_kernel_needs_a_source_and_a_lane()
    {
        Assert.Equal(
            "The device source of 'f' is empty. (Parameter 'deviceSource')",
            Assert.Throws<ArgumentException>(() => new CudaKernelDefinition("f", " ", false, [true])).Message);
        Assert.Equal(
            "Kernel 'f' has no lane parameter; at least one parameter must be a lane so the kernel has a length. (Parameter 'parameterIsLane')",
            Assert.Throws<ArgumentException>(() => new CudaKernelDefinition("f", "x", false, [false])).Message);
    }

    [Fact]
    public void A_definition_counts_lanes_and_uniforms_and_copies_its_flags()
    {
        bool[] flags = [false, true, true, false];
        var kernel = new CudaKernelDefinition("k", "x", true, flags);
        flags[0] = true;

        Assert.Equal(2, kernel.LaneCount);
        Assert.Equal(2, kernel.UniformCount);
        Assert.Equal(typeof(double), kernel.ElementType);
        Assert.False(kernel.ParameterIsLane[0]);
    }

    [Fact]
    public void A_definition_with_parameter_kinds_needs_names_a_lane_and_an_output()
    {
        Assert.Equal(
            "Kernel 'f' has no output; it must return a value or have a ref or out lane. (Parameter 'returnsValue')",
            Assert.Throws<ArgumentException>(() => new CudaKernelDefinition("f", "x", false, [new("a", CudaParameterKind.Lane)], returnsValue: false)).Message);
        Assert.Equal(
            "Kernel 'f' has no lane parameter; at least one parameter must be a lane so the kernel has a length. (Parameter 'parameters')",
            Assert.Throws<ArgumentException>(() => new CudaKernelDefinition("f", "x", false, [new("a", CudaParameterKind.Uniform)], returnsValue: true)).Message);
        Assert.Equal(
            "Parameter 1 of kernel 'f' has no name. (Parameter 'parameters')",
            Assert.Throws<ArgumentException>(() => new CudaKernelDefinition("f", "x", false, [new("a", CudaParameterKind.Lane), new(" ", CudaParameterKind.Lane)], returnsValue: true)).Message);
        Assert.Equal(
            "Parameter 'a' of kernel 'f' has the unknown kind 9. (Parameter 'parameters')",
            Assert.Throws<ArgumentException>(() => new CudaKernelDefinition("f", "x", false, [new("a", (CudaParameterKind)9)], returnsValue: true)).Message);
    }

    [Fact]
    public void A_definition_with_parameter_kinds_copies_them_and_counts_written_lanes_as_lanes()
    {
        CudaKernelParameter[] parameters = [new("w", CudaParameterKind.RefLane), new("g", CudaParameterKind.Lane), new("rate", CudaParameterKind.Uniform), new("grad", CudaParameterKind.OutLane)];
        var kernel = new CudaKernelDefinition("k", "x", false, parameters, returnsValue: false);
        parameters[0] = new("changed", CudaParameterKind.Lane);

        Assert.Equal(3, kernel.LaneCount);
        Assert.Equal(1, kernel.UniformCount);
        Assert.Equal([true, true, false, true], kernel.ParameterIsLane);
        Assert.Equal("w", kernel.Parameters[0].Name);
        Assert.True(kernel.WritesLanes);
        Assert.False(kernel.ReturnsValue);
        Assert.Equal("RLUO:void", ModuleKey.Of(kernel).Shape);

        // The flags constructor: read lanes and uniforms, a returned value, the shape it always had.
        var legacy = new CudaKernelDefinition("k", "x", false, [true, false]);
        Assert.True(legacy.ReturnsValue);
        Assert.False(legacy.WritesLanes);
        Assert.Equal("LU", ModuleKey.Of(legacy).Shape);
        Assert.Equal([new("lane0", CudaParameterKind.Lane), new CudaKernelParameter("uniform1", CudaParameterKind.Uniform)], legacy.Parameters);
    }

    [Fact]
    public void Training_data_must_have_matching_shapes_and_logistic_labels()
    {
        float[] x = [1, 2, 3, 4, 5, 6];
        var view = new ReadOnlyMatrixView<float>(x, 3, 2);

        Assert.Equal(
            "y has 2 elements but X has 3 rows; they must match. (Parameter 'y')",
            Assert.Throws<ArgumentException>(() => new CudaRegressionTrainer<float>(view, [1, 2], RegressionKind.Linear)).Message);
        Assert.Equal(
            "y[1] is 0.5; logistic regression needs labels 0 or 1. (Parameter 'y')",
            Assert.Throws<ArgumentException>(() => new CudaRegressionTrainer<float>(view, [1, 0.5f, 0], RegressionKind.Logistic)).Message);
        Assert.Equal(
            "X is 0×2; gradient descent needs at least one row and one column. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => new CudaRegressionTrainer<float>(new ReadOnlyMatrixView<float>(x, 0, 2), [], RegressionKind.Linear)).Message);
    }

    [Theory]
    [InlineData(0.0, 10, 0.0, "learningRate", "The learning rate must be positive and finite.")]
    [InlineData(double.NaN, 10, 0.0, "learningRate", "The learning rate must be positive and finite.")]
    [InlineData(0.1, 10, -1.0, "lambda", "The regularisation strength must be zero or positive and finite.")]
    [InlineData(0.1, -1, 0.0, "iterations", null)]
    public void Hyperparameters_are_checked_before_any_device_work(double rate, int iterations, double lambda, string parameter, string? message)
    {
        double[] x = [1, 2];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CudaGradientDescent.Train<double>(new ReadOnlyMatrixView<double>(x, 2, 1), [1, 2], RegressionKind.Linear, rate, iterations, lambda));

        Assert.Equal(parameter, error.ParamName);
        if (message is not null)
        {
            Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_float_and_double_are_supported_on_the_device()
    {
        Half[] x = [(Half)1];
        Assert.Equal(
            "Device gradient descent supports float and double, not Half.",
            Assert.Throws<NotSupportedException>(() => new CudaRegressionTrainer<Half>(new ReadOnlyMatrixView<Half>(x, 1, 1), x, RegressionKind.Linear)).Message);
        Assert.Equal(
            "Kernel arguments of type System.Int32 are not supported; use float or double.",
            Assert.Throws<NotSupportedException>(() => KernelLauncher.Slot(3)).Message);
    }

    [Fact]
    public void Uniform_slots_hold_the_value_bits_in_the_low_bytes()
    {
        Assert.Equal(0x3FC0_0000UL, KernelLauncher.Slot(1.5f));
        Assert.Equal(0x3FF8_0000_0000_0000UL, KernelLauncher.Slot(1.5));
        Assert.Equal(0x8000_0000UL, KernelLauncher.Slot(-0f));
    }

    [Fact]
    public void A_launch_with_too_many_arguments_is_refused_before_reaching_the_driver()
    {
        var error = Assert.Throws<ArgumentException>(() => KernelLauncher.Launch(null!, 0, 1, 1, new ulong[65], "k map"));
        Assert.Equal("k map has 65 arguments; at most 64 are supported. (Parameter 'arguments')", error.Message);
    }
}
