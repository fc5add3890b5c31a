using System;
using System.Linq;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>Generated-kernel shapes on a real GPU against the C# scalar methods.</summary>
public sealed class CudaKernelsGpuTests : GpuTest
{
    private static readonly float[] Specials = [0f, -0f, 1f, -1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1e-38f, 3.5f];

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(257)]
    [InlineData(100_003)]
    public void Map_is_bit_exact_with_the_scalar_method(int length)
    {
        CudaDevice device = Device;
        (float[] a, float[] b) = Inputs(length, seed: length, specials: true);
        using var da = DeviceBuffer<float>.FromSpan(device, a);
        using var db = DeviceBuffer<float>.FromSpan(device, b);
        using var destination = DeviceBuffer<float>.Allocate(device, length + 3);

        CudaKernels.Map(SampleKernels.Create("squared_difference", false), [da, db], [], destination);

        float[] result = destination.ToArray()[..length];
        for (int i = 0; i < length; i++)
        {
            // NaN inputs give a NaN on both sides, with different payloads (see Bits).
            float expected = SampleKernels.SquaredDifference(a[i], b[i]);
            Assert.True(Bits.SameOrBothNaN(expected, result[i]), $"element {i}: CPU {Bits.Show(expected)}, device {Bits.Show(result[i])}");
        }
    }

    [SkippableFact]
    public void An_in_place_update_of_a_ref_lane_matches_the_scalar_method_in_double()
    {
        CudaDevice device = Device;
        var random = new Random(3);
        double[] w = Enumerable.Range(0, 5000).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] g = Enumerable.Range(0, 5000).Select(_ => random.NextDouble() - 0.5).ToArray();
        using var dw = DeviceBuffer<double>.FromSpan(device, w);
        using var dg = DeviceBuffer<double>.FromSpan(device, g);

        CudaKernels.Map(SampleKernels.Create("scaled_update", true), [dw, dg], [0.01], dw);

        double[] result = dw.ToArray();
        for (int i = 0; i < w.Length; i++)
        {
            // Bit-exact: --fmad=false keeps w − rate·g as a multiply and a subtraction, like the CPU.
            Assert.Equal(BitConverter.DoubleToInt64Bits(SampleKernels.ScaledUpdate(w[i], g[i], 0.01)), BitConverter.DoubleToInt64Bits(result[i]));
        }
    }

    [SkippableFact]
    public void Uniforms_go_to_their_parameters_and_min_max_follow_Math_semantics()
    {
        CudaDevice device = Device;
        float[] x = Specials;
        using var dx = DeviceBuffer<float>.FromSpan(device, x);
        using var destination = DeviceBuffer<float>.Allocate(device, x.Length);

        CudaKernels.Map(SampleKernels.Create("clamp_min_max", false), [dx], [-0f, 2f], destination);

        float[] result = destination.ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            float expected = SampleKernels.ClampMinMax(-0f, x[i], 2f);
            Assert.True(Bits.SameOrBothNaN(expected, result[i]), $"clamp({Bits.Show(x[i])}): CPU {Bits.Show(expected)}, device {Bits.Show(result[i])}");
        }
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(1_000_003)]
    public void Sum_is_within_its_derived_bound_of_the_exact_sum(int length)
    {
        CudaDevice device = Device;
        (float[] a, float[] b) = Inputs(length, seed: 11, specials: false);
        using var da = DeviceBuffer<float>.FromSpan(device, a);
        using var db = DeviceBuffer<float>.FromSpan(device, b);

        float sum = CudaKernels.Sum(SampleKernels.Create("squared_difference", false), [da, db], []);

        // Each value v_i is the scalar method's float. The device adds them in float along paths of at most
        // k = CudaKernels.SumAdditionsBound(n) additions (its summary derives k), so |sum − exact| ≤ γ_k Σ|v_i|
        // ≈ k·ε·Σ|v_i| with ε = 2^−24; 1.01 covers the second-order term for these small k.
        double exact = 0, magnitude = 0;
        for (int i = 0; i < length; i++)
        {
            double v = SampleKernels.SquaredDifference(a[i], b[i]);
            exact += v;
            magnitude += Math.Abs(v);
        }

        long k = CudaKernels.SumAdditionsBound(length);
        Assert.InRange(sum, exact - (1.01 * k * Math.Pow(2, -24) * magnitude), exact + (1.01 * k * Math.Pow(2, -24) * magnitude));

        // Deterministic: the same inputs give the same bits.
        Assert.Equal(BitConverter.SingleToInt32Bits(sum), BitConverter.SingleToInt32Bits(CudaKernels.Sum(SampleKernels.Create("squared_difference", false), [da, db], [])));
    }

    [SkippableFact]
    public void Min_and_max_equal_the_Math_fold_including_signed_zeros_and_NaN()
    {
        CudaDevice device = Device;
        CudaKernelDefinition identity = new("identity_f32", "static __device__ float identity_f32(float a) { return a; }", false, [true]);
        float[][] cases =
        [
            [0f, -0f], [-0f, 0f], [3f, -0f, 0f, 5f], [1f, float.NaN, -1f], [float.NegativeInfinity, float.PositiveInfinity],
            Enumerable.Range(0, 300_000).Select(i => (float)Math.Sin(i)).ToArray(),
        ];
        foreach (float[] values in cases)
        {
            using var buffer = DeviceBuffer<float>.FromSpan(device, values);
            float min = values.Aggregate(MathF.Min), max = values.Aggregate(MathF.Max);

            float deviceMin = CudaKernels.Min(identity, [buffer], []), deviceMax = CudaKernels.Max(identity, [buffer], []);
            Assert.True(Bits.SameOrBothNaN(min, deviceMin), $"min: CPU {Bits.Show(min)}, device {Bits.Show(deviceMin)}");
            Assert.True(Bits.SameOrBothNaN(max, deviceMax), $"max: CPU {Bits.Show(max)}, device {Bits.Show(deviceMax)}");
        }
    }

    [SkippableFact]
    public void Bad_arguments_fail_with_messages_naming_the_problem()
    {
        CudaDevice device = Device;
        CudaKernelDefinition kernel = SampleKernels.Create("squared_difference", false);
        using var five = DeviceBuffer<float>.Allocate(device, 5);
        using var six = DeviceBuffer<float>.Allocate(device, 6);
        using var empty = DeviceBuffer<float>.Allocate(device, 0);

        Assert.Equal(
            "Lane 1 of kernel 'squared_difference_f32' has 6 elements but lane 0 has 5; every lane of a kernel must have the same length. (Parameter 'lanes')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Sum(kernel, [five, six], [])).Message);
        Assert.Equal(
            "The destination has 5 elements but the lanes have 6; it must be at least as long as the lanes. (Parameter 'destination')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Map(kernel, [six, six], [], five)).Message);
        Assert.Equal(
            "Min of kernel 'squared_difference_f32' over empty lanes is undefined: the lanes have no elements. (Parameter 'lanes')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Min(kernel, [empty, empty], [])).Message);
        Assert.Equal(
            "Kernel 'squared_difference_f32' has 2 lane parameter(s) but 1 lane buffer(s) were passed. (Parameter 'lanes')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Max(kernel, [five], [])).Message);
        Assert.Equal(
            "Kernel 'squared_difference_f32' has 0 uniform parameter(s) but 1 uniform value(s) were passed. (Parameter 'uniforms')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Sum(kernel, [five, five], [1f])).Message);
        using DeviceBuffer<float> head = six.Slice(0, 5);
        using DeviceBuffer<float> shifted = six.Slice(1, 5);
        Assert.Equal(
            "The destination overlaps lane 0 of kernel 'squared_difference_f32' at a different start; pass the same buffer to compute in place, or a separate buffer. (Parameter 'destination')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Map(kernel, [head, five], [], shifted)).Message);
        using var wrongType = DeviceBuffer<double>.Allocate(device, 1);
        Assert.Equal(
            "Kernel 'squared_difference_f32' works on Single but Sum was called with Double buffers. (Parameter 'kernel')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Sum(kernel, [wrongType, wrongType], [])).Message);
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(100_003)]
    public void A_kernel_with_two_ref_lanes_updates_both_as_the_scalar_method_does(int length)
    {
        CudaDevice device = Device;
        (float[] w, float[] g) = Inputs(length, seed: length + 1, specials: true);
        (float[] b, _) = Inputs(length, seed: length + 2, specials: false);
        using var dw = DeviceBuffer<float>.FromSpan(device, w);
        using var db = DeviceBuffer<float>.FromSpan(device, b);
        using var dg = DeviceBuffer<float>.FromSpan(device, g);

        CudaKernels.Update(SampleKernels.Create("momentum", false), [dw, db, dg], [0.01f, 0.9f]);

        float[] newW = dw.ToArray(), newB = db.ToArray();
        for (int i = 0; i < length; i++)
        {
            float ew = w[i], eb = b[i];
            SampleKernels.Momentum(ref ew, ref eb, g[i], 0.01f, 0.9f);
            Assert.True(Bits.SameOrBothNaN(ew, newW[i]) && Bits.SameOrBothNaN(eb, newB[i]), $"element {i}: CPU ({Bits.Show(ew)}, {Bits.Show(eb)}), device ({Bits.Show(newW[i])}, {Bits.Show(newB[i])})");
        }
    }

    [SkippableFact]
    public void A_kernel_with_an_out_lane_and_a_value_writes_both_and_may_write_over_its_input()
    {
        CudaDevice device = Device;
        (float[] x, _) = Inputs(1000, seed: 5, specials: true);
        using var dx = DeviceBuffer<float>.FromSpan(device, x);
        using var half = DeviceBuffer<float>.Allocate(device, 1000);
        CudaKernelDefinition kernel = SampleKernels.Create("halves", false);

        // The out lane is the input exactly: element j is read before it is written.
        using var destination = DeviceBuffer<float>.Allocate(device, 1000);
        CudaKernels.Map(kernel, [dx, dx], [], destination);

        float[] values = destination.ToArray(), halves = dx.ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            float expected = SampleKernels.Halves(x[i], out float expectedHalf);
            Assert.True(Bits.SameOrBothNaN(expected, values[i]) && Bits.SameOrBothNaN(expectedHalf, halves[i]), $"element {i}");
        }
    }

    [SkippableFact]
    public void Outputs_that_overlap_fail_with_messages_naming_the_parameters()
    {
        CudaDevice device = Device;
        CudaKernelDefinition momentum = SampleKernels.Create("momentum", false);
        CudaKernelDefinition halves = SampleKernels.Create("halves", false);
        using var six = DeviceBuffer<float>.Allocate(device, 6);
        using var five = DeviceBuffer<float>.Allocate(device, 5);
        using var other = DeviceBuffer<float>.Allocate(device, 5);
        using DeviceBuffer<float> head = six.Slice(0, 5), shifted = six.Slice(1, 5);

        Assert.Equal(
            "Lanes 'w' and 'b' of kernel 'momentum_f32' are both written and share memory; each output of a kernel needs a buffer of its own. (Parameter 'b')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Update(momentum, [five, five, other], [1f, 1f])).Message);
        Assert.Equal(
            "Lane 'w' of kernel 'momentum_f32' is written and overlaps lane 'g' at a different start; pass the same buffer to compute in place, or a separate buffer. (Parameter 'w')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Update(momentum, [shifted, other, head], [1f, 1f])).Message);
        Assert.Equal(
            "Lane 'g' of kernel 'momentum_f32' has 6 elements but lane 'w' has 5; every lane of a kernel must have the same length. (Parameter 'g')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Update(momentum, [five, other, six], [1f, 1f])).Message);
        Assert.Equal(
            "The destination and lane 'half' of kernel 'halves_f32' share memory; each output of a kernel needs a buffer of its own. (Parameter 'destination')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Map(halves, [five, head], [], shifted)).Message);
        Assert.Equal(
            "Kernel 'momentum_f32' returns no value, so it has no destination; run it with Update, which writes its ref and out lanes. (Parameter 'kernel')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Map(momentum, [five, other, five], [1f, 1f], six)).Message);
        Assert.Equal(
            "Kernel 'halves_f32' returns a value; run it with Map and a destination for it. (Parameter 'kernel')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Update(halves, [five, other], [])).Message);
        Assert.Equal(
            "Sum of kernel 'halves_f32' is not available on the device: it reduces the returned values of kernels that write no ref or out lane. (Parameter 'kernel')",
            Assert.Throws<ArgumentException>(() => CudaKernels.Sum(halves, [five, other], [])).Message);
    }

    [SkippableFact]
    public void A_kernel_is_compiled_once_per_device_however_often_it_is_described()
    {
        CudaDevice device = Device;
        static CudaKernelDefinition Describe() => new("cached_f32", "static __device__ float cached_f32(float a) { return a + 1.0f; }", false, [true]);
        CudaKernelDefinition kernel = Describe();
        using var buffer = DeviceBuffer<float>.FromSpan(device, [1f, 2f]);

        CudaKernels.Map(kernel, [buffer], [], buffer);
        CudaKernels.Map(Describe(), [buffer], [], buffer);
        _ = CudaKernels.Sum(Describe(), [buffer], []);

        // Counted for this kernel's key only, so kernels compiled by other tests cannot disturb it.
        Assert.Equal(1, KernelCache.CompileCount(device, ModuleKey.Of(kernel)));
        Assert.Equal([3f, 4f], buffer.ToArray());
    }

    [SkippableFact]
    public void A_device_function_that_does_not_compile_reports_the_NVRTC_log()
    {
        CudaDevice device = Device;
        var kernel = new CudaKernelDefinition("broken_f32", "static __device__ float broken_f32(float a) { return a + undefined_name; }", false, [true]);
        using var buffer = DeviceBuffer<float>.FromSpan(device, [1f]);

        var error = Assert.Throws<CudaException>(() => CudaKernels.Sum(kernel, [buffer], []));

        Assert.Equal("nvrtcCompileProgram", error.ApiCall);
        Assert.Equal("NVRTC_ERROR_COMPILATION", error.ErrorName);
        Assert.Contains("undefined_name", error.Message, StringComparison.Ordinal);
    }

    private static (float[] A, float[] B) Inputs(int length, int seed, bool specials)
    {
        var random = new Random(seed);
        float[] a = new float[length], b = new float[length];
        for (int i = 0; i < length; i++)
        {
            a[i] = specials && i < Specials.Length ? Specials[i] : (float)((random.NextDouble() * 200) - 100);
            b[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return (a, b);
    }
}
