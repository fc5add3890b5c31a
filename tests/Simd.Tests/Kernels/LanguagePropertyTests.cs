using System;
using System.Linq;
using Simd.Hardware;
using Simd.Tests.Support;
using Xunit;

namespace Simd.Tests.Kernels;

/// <summary>
/// The kernels of <see cref="LanguageKernels"/> on every path: several 'ref' and 'out' lanes, a returned value beside
/// them, reductions that also write their side outputs, branches with early returns, unrolled loops, inlined helpers,
/// generic kernels for float and double. Every lane of every output is bit-exact with the scalar method run element
/// by element (on buffers laid out alike, so writes outside the spans would show too), at lengths 0…300 and large,
/// with misaligned starts and special values.
/// </summary>
public sealed class LanguagePropertyTests
{
    [Fact]
    public void Sgd_with_momentum_updates_both_lanes_in_one_pass() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        float[] w = c.SingleBuffer(0, out int wo), v = c.SingleBuffer(1, out int vo), g = c.SingleBuffer(2, out int go);
        float[] ew = (float[])w.Clone(), ev = (float[])v.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            LanguageKernels.SgdMomentum(ref ew[wo + i], ref ev[vo + i], g[go + i], 0.01f, 0.9f);
        }

        LanguageKernels.SgdMomentum(w.AsSpan(wo, c.Length), v.AsSpan(vo, c.Length), g.AsSpan(go, c.Length), 0.01f, 0.9f);
        AssertSame(ew, w, "weight");
        AssertSame(ev, v, "velocity");
    });

    [Fact]
    public void Adam_updates_three_lanes_in_one_pass() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        float[] w = c.SingleBuffer(0, out int wo), m = c.SingleBuffer(1, out int mo), v = c.SingleBuffer(2, out int vo), g = c.SingleBuffer(3, out int go);
        float[] ew = (float[])w.Clone(), em = (float[])m.Clone(), ev = (float[])v.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            LanguageKernels.Adam(ref ew[wo + i], ref em[mo + i], ref ev[vo + i], g[go + i], 1e-3f, 0.9f, 0.999f, 1e-8f, 0.19f, 0.002f);
        }

        LanguageKernels.Adam(w.AsSpan(wo, c.Length), m.AsSpan(mo, c.Length), v.AsSpan(vo, c.Length), g.AsSpan(go, c.Length), 1e-3f, 0.9f, 0.999f, 1e-8f, 0.19f, 0.002f);
        AssertSame(ew, w, "weight");
        AssertSame(em, m, "m");
        AssertSame(ev, v, "v");
    });

    [Fact]
    public void An_out_lane_beside_the_returned_value() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        float[] x = c.SingleBuffer(0, out int xo), grad = c.SingleBuffer(1, out int o1), destination = c.SingleBuffer(2, out int o2);
        float[] eg = (float[])grad.Clone(), ed = (float[])destination.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            ed[o2 + i] = LanguageKernels.SigmoidWithGrad(x[xo + i], out eg[o1 + i]);
        }

        LanguageKernels.SigmoidWithGrad(x.AsSpan(xo, c.Length), grad.AsSpan(o1, c.Length), destination.AsSpan(o2, c.Length));
        AssertSame(eg, grad, "grad");
        AssertSame(ed, destination, "destination");
    });

    [Fact]
    public void Reductions_write_their_side_outputs_too() => Property.Check(LaneCase.Arbitrary(specialOdds: 0), c =>
    {
        float[] x = c.Singles(0);
        float[] terms = new float[c.Length], expectedGrad = new float[c.Length];
        for (int i = 0; i < c.Length; i++)
        {
            terms[i] = LanguageKernels.SigmoidWithGrad(x[i], out expectedGrad[i]);
        }

        var grad = new float[c.Length];
        KernelCheck.Sum(terms, LanguageKernels.SigmoidWithGradSum(x, grad));
        AssertSame(expectedGrad, grad, "grad after Sum");
        if (c.Length > 0)
        {
            Array.Clear(grad);
            KernelCheck.Extremum(terms, LanguageKernels.SigmoidWithGradMax(x, grad), max: true);
            AssertSame(expectedGrad, grad, "grad after Max");
        }
    });

    [Fact]
    public void Update_the_weights_and_return_the_loss_in_one_pass() => Property.Check(LaneCase.Arbitrary(specialOdds: 0), c =>
    {
        float[] w = c.Singles(0), g = c.Singles(1);
        float[] expected = (float[])w.Clone();
        float[] terms = new float[c.Length];
        for (int i = 0; i < c.Length; i++)
        {
            terms[i] = LanguageKernels.StepAndLoss(ref expected[i], g[i], 0.1f);
        }

        float[] updated = (float[])w.Clone();
        KernelCheck.Sum(terms, LanguageKernels.StepAndLossSum(updated, g, 0.1f));
        AssertSame(expected, updated, "weights after Sum");
        if (c.Length > 0)
        {
            updated = (float[])w.Clone();
            KernelCheck.Extremum(terms, LanguageKernels.StepAndLossMin(updated, g, 0.1f), max: false);
            AssertSame(expected, updated, "weights after Min");
        }
    });

    [Fact]
    public void Branches_loops_and_helpers_map_exactly()
    {
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 1, a => LanguageKernels.LeakyRelu(a[0], 0.01f), (b, o, n, d) => LanguageKernels.LeakyRelu(b[0].AsSpan(o[0], n), 0.01f, d)));
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 1, a => LanguageKernels.Huber(a[0], 1.5f), (b, o, n, d) => LanguageKernels.Huber(b[0].AsSpan(o[0], n), 1.5f, d)));
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 1, a => LanguageKernels.Horner(a[0]), (b, o, n, d) => LanguageKernels.Horner(b[0].AsSpan(o[0], n), d)));
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 1, a => LanguageKernels.Steps(a[0]), (b, o, n, d) => LanguageKernels.Steps(b[0].AsSpan(o[0], n), d)));
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 2, a => LanguageKernels.SquaredDistance(a[0], a[1]), (b, o, n, d) => LanguageKernels.SquaredDistance(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), d)));
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 2, a => LanguageKernels.Spellings(a[0], a[1]), (b, o, n, d) => LanguageKernels.Spellings(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), d)));
    }

    [Fact]
    public void MultiplyAddEstimate_gives_the_scalar_bits_on_every_path()
    {
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 3, a => LanguageKernels.Estimate(a[0], a[1], a[2]), (b, o, n, d) => LanguageKernels.Estimate(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), b[2].AsSpan(o[2], n), d)));
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 3, (double[] a) => LanguageKernels.EstimateDouble(a[0], a[1], a[2]), (b, o, n, d) => LanguageKernels.EstimateDouble(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), b[2].AsSpan(o[2], n), d)));

        // The rule itself, on an input where the two roundings differ: (1 + 2⁻²³)(1 − 2⁻²³) − 1 is −2⁻⁴⁶ exactly, 0 unfused.
        float e = MathF.ScaleB(1, -23);
        float[] result = new float[1];
        LanguageKernels.Estimate(new[] { 1 + e }, new[] { 1 - e }, new[] { -1f }, result);
        Assert.Equal(Simd.Hardware.SimdHardware.HasFusedMultiplyAdd ? -MathF.ScaleB(1, -46) : 0f, result[0]);
    }

    [Fact]
    public void Branch_sums_stay_within_the_bound() => Property.Check(LaneCase.Arbitrary(specialOdds: 0), c =>
    {
        float[] r = c.Singles(0);
        KernelCheck.Sum(r.Select(v => LanguageKernels.Huber(v, 1.5f)).ToArray(), LanguageKernels.HuberSum(r, 1.5f));
    });

    [Fact]
    public void Early_returns_and_an_out_lane_assigned_in_branches() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        float[] g = c.SingleBuffer(0, out int go), clipped = c.SingleBuffer(1, out int co), destination = c.SingleBuffer(2, out int d0);
        float[] ec = (float[])clipped.Clone(), ed = (float[])destination.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            ed[d0 + i] = LanguageKernels.Clip(g[go + i], 1.5f, out ec[co + i]);
        }

        LanguageKernels.Clip(g.AsSpan(go, c.Length), 1.5f, clipped.AsSpan(co, c.Length), destination.AsSpan(d0, c.Length));
        AssertSame(ec, clipped, "clipped");
        AssertSame(ed, destination, "destination");
    });

    [Fact]
    public void A_generic_kernel_runs_for_float_and_for_double()
    {
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 1, (float[] a) => LanguageKernels.Relu(a[0]), (b, o, n, d) => LanguageKernels.Relu(b[0].AsSpan(o[0], n), d)));
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 1, (double[] a) => LanguageKernels.Relu(a[0]), (b, o, n, d) => LanguageKernels.Relu(b[0].AsSpan(o[0], n), d)));
        Property.Check(LaneCase.Arbitrary(specialOdds: 0), c =>
        {
            // T.Exp and T.Log are the vector library's on vector paths (within the ulp bounds of docs/kernel-math.md of the
            // scalar ones): log(1 + e^bx) then differs from the scalar result by a few units of the rounding of 1 + e^bx.
            float[] x = c.Singles(0);
            var destination = new float[c.Length];
            LanguageKernels.Softplus(x, 2f, destination);
            for (int i = 0; i < c.Length; i++)
            {
                float expected = LanguageKernels.Softplus(x[i], 2f);
                Assert.True(Math.Abs(expected - destination[i]) <= 8 * KernelCheck.UnitRoundoffSingle * (1 + Math.Abs(expected)), $"softplus({x[i]:R}) on {SimdHardware.Path}: {destination[i]:R} vs {expected:R}");
            }

            double[] xd = c.Doubles(0);
            var destinationD = new double[c.Length];
            LanguageKernels.Softplus(xd, 2.0, destinationD);
            for (int i = 0; i < c.Length; i++)
            {
                double expected = LanguageKernels.Softplus(xd[i], 2.0);
                Assert.True(Math.Abs(expected - destinationD[i]) <= 8 * KernelCheck.UnitRoundoffDouble * (1 + Math.Abs(expected)), $"softplus({xd[i]:R}) on {SimdHardware.Path}: {destinationD[i]:R} vs {expected:R}");
            }
        }, maxTest: 60);
        Property.Check(LaneCase.Arbitrary(specialOdds: 0), c =>
        {
            double[] x = c.Doubles(0);
            double[] terms = x.Select(LanguageKernels.Relu).ToArray();
            KernelCheck.Sum(terms, LanguageKernels.ReluSum(x));
            if (c.Length > 0)
            {
                KernelCheck.Extremum(terms, LanguageKernels.ReluMax(x), max: true);
            }
        });
    }

    [Fact]
    public void Double_lanes_with_two_out_lanes_and_a_sum() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        double[] x = c.DoubleBuffer(0, out int xo), whole = c.DoubleBuffer(1, out int wo), rest = c.DoubleBuffer(2, out int ro), destination = c.DoubleBuffer(3, out int d0);
        double[] ew = (double[])whole.Clone(), er = (double[])rest.Clone(), ed = (double[])destination.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            ed[d0 + i] = LanguageKernels.Split(x[xo + i], out ew[wo + i], out er[ro + i]);
        }

        LanguageKernels.Split(x.AsSpan(xo, c.Length), whole.AsSpan(wo, c.Length), rest.AsSpan(ro, c.Length), destination.AsSpan(d0, c.Length));
        AssertSame(ew, whole, "whole");
        AssertSame(er, rest, "rest");
        AssertSame(ed, destination, "destination");
    });

    [Theory]
    [InlineData(100_003)]
    [InlineData(1 << 17)]
    public void Long_lanes(int length)
    {
        var c = new LaneCase(length, [3, 1, 0, 5, 2], 7, 0.05);
        float[] w = c.Singles(0), m = c.Singles(1), v = c.Singles(2), g = c.Singles(3);
        float[] ew = (float[])w.Clone(), em = (float[])m.Clone(), ev = (float[])v.Clone();
        for (int i = 0; i < length; i++)
        {
            LanguageKernels.Adam(ref ew[i], ref em[i], ref ev[i], g[i], 1e-3f, 0.9f, 0.999f, 1e-8f, 0.1f, 0.001f);
        }

        LanguageKernels.Adam(w, m, v, g, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.1f, 0.001f);
        AssertSame(ew, w, "weight");
        AssertSame(em, m, "m");
        AssertSame(ev, v, "v");
    }

    [Fact]
    public void An_output_may_be_exactly_an_input_lane() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        // grad is x itself: each element of x is read before its gradient is written over it.
        float[] x = c.Singles(0);
        float[] expectedGrad = (float[])x.Clone();
        var expected = new float[c.Length];
        for (int i = 0; i < c.Length; i++)
        {
            expected[i] = LanguageKernels.SigmoidWithGrad(expectedGrad[i], out expectedGrad[i]);
        }

        var destination = new float[c.Length];
        LanguageKernels.SigmoidWithGrad(x, x, destination);
        AssertSame(expectedGrad, x, "grad in place of x");
        AssertSame(expected, destination, "destination");

        // The gradient lane is also the velocity lane: an input may be exactly a 'ref' lane.
        float[] w = c.Singles(1), v = c.Singles(2);
        float[] ew = (float[])w.Clone(), ev = (float[])v.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            LanguageKernels.SgdMomentum(ref ew[i], ref ev[i], ev[i], 0.5f, 0.9f);
        }

        LanguageKernels.SgdMomentum(w, v, v, 0.5f, 0.9f);
        AssertSame(ew, w, "weight");
        AssertSame(ev, v, "velocity");
    });

    [Fact]
    public void Exact_functions_of_every_spelling_map_exactly()
    {
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 1, (float[] a) => LanguageKernels.Rounding(a[0]), (b, o, n, d) => LanguageKernels.Rounding(b[0].AsSpan(o[0], n), d)));
        Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(c, 1, (double[] a) => LanguageKernels.SignOf(a[0]), (b, o, n, d) => LanguageKernels.SignOf(b[0].AsSpan(o[0], n), d)));
    }

    [Fact]
    public void Approximate_functions_of_generic_math_are_within_their_bounds()
    {
        // Each function's vector form is within a few ulps of the scalar one (docs/kernel-math.md); the sum of nine
        // of them is compared with the scalar kernel within 16 units of rounding of the largest term.
        var random = new Random(11);
        float[] x = Enumerable.Range(0, 777).Select(_ => (float)((random.NextDouble() * 100) - 50)).ToArray();
        double[] xd = Array.ConvertAll(x, v => (double)v);
        var destination = new float[x.Length];
        var destinationD = new double[x.Length];
        LanguageKernels.Wave(x, destination);
        LanguageKernels.Wave(xd, destinationD);
        for (int i = 0; i < x.Length; i++)
        {
            float expected = LanguageKernels.Wave(x[i]);
            double expectedD = LanguageKernels.Wave(xd[i]);
            double scale = 16 + Math.Abs(xd[i]);
            Assert.True(Math.Abs(expected - destination[i]) <= 16 * KernelCheck.UnitRoundoffSingle * scale, $"Wave({x[i]:R}) on {SimdHardware.Path}: {destination[i]:R} vs {expected:R}");
            Assert.True(Math.Abs(expectedD - destinationD[i]) <= 16 * KernelCheck.UnitRoundoffDouble * scale, $"Wave({xd[i]:R}) on {SimdHardware.Path}: {destinationD[i]:R} vs {expectedD:R}");
        }
    }

    [Fact]
    public void A_map_gives_the_same_bits_wherever_its_data_sits()
    {
        // Exp's vector form may differ from MathF.Exp in the last place, so which width computes an element must depend
        // on the length alone; an exact kernel may align on its output, which changes no bit either.
        var random = new Random(5);
        float[] values = Enumerable.Range(0, 1000).Select(_ => (float)((random.NextDouble() * 40) - 20)).ToArray();
        float[]? expFirst = null, huberFirst = null;
        for (int offset = 0; offset < 16; offset++)
        {
            float[] input = new float[values.Length + 16], output = new float[values.Length + 16];
            values.CopyTo(input, offset);
            TestKernels.ExpOf(input.AsSpan(offset, values.Length), output.AsSpan(offset, values.Length));
            float[] exp = output.AsSpan(offset, values.Length).ToArray();
            LanguageKernels.Huber(input.AsSpan(offset, values.Length), 1.5f, output.AsSpan(offset, values.Length));
            float[] huber = output.AsSpan(offset, values.Length).ToArray();
            expFirst ??= exp;
            huberFirst ??= huber;
            AssertSame(expFirst, exp, $"Exp at offset {offset}");
            AssertSame(huberFirst, huber, $"Huber at offset {offset}");
        }
    }

    [Fact]
    public void Bad_arguments_are_errors_that_name_both_parameters()
    {
        var buffer = new float[40];
        var x = new float[16];
        var e = Assert.Throws<ArgumentException>(() => LanguageKernels.SigmoidWithGrad(buffer.AsSpan(0, 16), buffer.AsSpan(1, 16), new float[16]));
        Assert.Equal("'grad' overlaps input 'x' shifted by 1 elements; pass the same span to compute in place, or a separate buffer. (Parameter 'grad')", e.Message);
        Assert.Equal("grad", e.ParamName);

        e = Assert.Throws<ArgumentException>(() => LanguageKernels.SigmoidWithGrad(x, buffer.AsSpan(0, 16), buffer.AsSpan(0, 16)));
        Assert.Equal("Outputs 'grad' and 'destination' share memory; each output of a kernel needs a buffer of its own. (Parameter 'destination')", e.Message);

        e = Assert.Throws<ArgumentException>(() => LanguageKernels.SgdMomentum(buffer.AsSpan(0, 16), buffer.AsSpan(8, 16), x, 0.1f, 0.9f));
        Assert.Equal("Outputs 'weight' and 'velocity' share memory; each output of a kernel needs a buffer of its own. (Parameter 'velocity')", e.Message);

        e = Assert.Throws<ArgumentException>(() => LanguageKernels.SgdMomentum(new float[16], new float[15], x, 0.1f, 0.9f));
        Assert.Equal("Lane 'velocity' has 15 elements but lane 'weight' has 16; every lane of a kernel must have the same length. (Parameter 'velocity')", e.Message);

        e = Assert.Throws<ArgumentException>(() => LanguageKernels.SigmoidWithGrad(x, new float[16], new float[15]));
        Assert.Equal("Destination 'destination' has 15 elements but the inputs have 16; it must be at least as long as the inputs. (Parameter 'destination')", e.Message);

        e = Assert.Throws<ArgumentException>(() => LanguageKernels.StepAndLossMin(new float[0], new float[0], 0.1f));
        Assert.Equal("StepAndLossMin of an empty span is undefined: lane 'weight' has no elements. (Parameter 'weight')", e.Message);

        e = Assert.Throws<ArgumentException>(() => LanguageKernels.StepAndLossSum(buffer.AsSpan(2, 16), buffer.AsSpan(0, 16), 0.1f));
        Assert.Equal("'weight' overlaps input 'gradient' shifted by 2 elements; pass the same span to compute in place, or a separate buffer. (Parameter 'weight')", e.Message);
    }

    private static void AssertSame(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Values.Same(expected[i], actual[i]), $"{what}[{i}] on {SimdHardware.Path}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    private static void AssertSame(double[] expected, double[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Values.Same(expected[i], actual[i]), $"{what}[{i}] on {SimdHardware.Path}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
