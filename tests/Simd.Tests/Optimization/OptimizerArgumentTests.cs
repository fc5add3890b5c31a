using System;
using Simd.Optimization;
using Xunit;

namespace Simd.Tests.Optimization;

/// <summary>Every hyper-parameter and step error, with its message and the argument it names.</summary>
public sealed class OptimizerArgumentTests
{
    [Fact]
    public void Defaults_are_torch_defaults()
    {
        var sgd = new SgdOptions();
        Assert.Equal((1e-3, 0.0, 0.0, 0.0, false), (sgd.LearningRate, sgd.Momentum, sgd.Dampening, sgd.WeightDecay, sgd.Nesterov));
        var adam = new AdamOptions();
        Assert.Equal((1e-3, 0.9, 0.999, 1e-8, 0.0, false), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay, adam.Amsgrad));
        var adamW = new AdamWOptions();
        Assert.Equal((1e-3, 0.9, 0.999, 1e-8, 0.01, false), (adamW.LearningRate, adamW.Beta1, adamW.Beta2, adamW.Epsilon, adamW.WeightDecay, adamW.Amsgrad));
        var rms = new RMSpropOptions();
        Assert.Equal((1e-2, 0.99, 1e-8, 0.0, 0.0, false), (rms.LearningRate, rms.Alpha, rms.Epsilon, rms.WeightDecay, rms.Momentum, rms.Centered));
        var ada = new AdagradOptions();
        Assert.Equal((1e-2, 0.0, 0.0, 0.0, 1e-10), (ada.LearningRate, ada.LrDecay, ada.WeightDecay, ada.InitialAccumulatorValue, ada.Epsilon));
        Assert.Equal(["sgd", "adam", "adamw", "rmsprop", "adagrad"], new[] { sgd.Name, adam.Name, adamW.Name, rms.Name, ada.Name });
        Assert.IsType<Sgd<float>>(sgd.Create<float>());
        Assert.IsType<Adam<double>>(adam.Create<double>());
        Assert.IsType<AdamW<float>>(adamW.Create<float>());
        Assert.IsType<RMSprop<double>>(rms.Create<double>());
        Assert.IsType<Adagrad<float>>(ada.Create<float>());
    }

    [Fact]
    public void Bad_hyper_parameters_name_the_argument()
    {
        Rejects("learningRate", "'learningRate' (the learning rate γ) must be finite and ≥ 0; it is -0.1.", () => new SgdOptions(-0.1));
        Rejects("learningRate", "'learningRate' (the learning rate γ) must be finite and ≥ 0; it is NaN.", () => new AdamOptions(double.NaN));
        Rejects("weightDecay", "'weightDecay' (the weight decay λ) must be finite and ≥ 0; it is -1.", () => new AdamWOptions(weightDecay: -1));
        Rejects("momentum", "'momentum' (the momentum μ) must be finite and ≥ 0; it is -0.5.", () => new SgdOptions(momentum: -0.5));
        Rejects("dampening", "'dampening' (the dampening τ) must be finite; it is Infinity.", () => new SgdOptions(momentum: 0.9, dampening: double.PositiveInfinity));
        Rejects("beta1", "'beta1' (the first-moment decay β₁) must be in [0, 1); it is 1.", () => new AdamOptions(beta1: 1));
        Rejects("beta2", "'beta2' (the second-moment decay β₂) must be in [0, 1); it is -0.1.", () => new AdamWOptions(beta2: -0.1));
        Rejects("epsilon", "'epsilon' (the denominator term ε) must be finite and > 0; it is 0.", () => new AdamOptions(epsilon: 0));
        Rejects("epsilon", "'epsilon' (the denominator term ε) must be finite and > 0; it is -1E-08.", () => new RMSpropOptions(epsilon: -1e-8));
        Rejects("epsilon", "'epsilon' (the denominator term ε) must be finite and > 0; it is 0.", () => new AdagradOptions(epsilon: 0));
        Rejects("alpha", "'alpha' (the smoothing constant α) must be in [0, 1]; it is 1.5.", () => new RMSpropOptions(alpha: 1.5));
        Rejects("momentum", "'momentum' (the momentum μ) must be finite and ≥ 0; it is -1.", () => new RMSpropOptions(momentum: -1));
        Rejects("lrDecay", "'lrDecay' (the learning-rate decay η) must be finite and ≥ 0; it is -0.01.", () => new AdagradOptions(lrDecay: -0.01));
        Rejects(
            "initialAccumulatorValue", "'initialAccumulatorValue' (the starting sum of squared gradients) must be finite and ≥ 0; it is -1.",
            () => new AdagradOptions(initialAccumulatorValue: -1));
    }

    [Fact]
    public void Nesterov_needs_momentum_and_no_dampening()
    {
        var e = Assert.Throws<ArgumentException>(() => new SgdOptions(nesterov: true));
        Assert.Equal("nesterov", e.ParamName);
        Assert.StartsWith("'nesterov' Nesterov momentum requires a momentum > 0 and zero dampening; momentum is 0 and dampening 0.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new SgdOptions(momentum: 0.9, dampening: 0.1, nesterov: true));
        Assert.StartsWith("'nesterov' Nesterov momentum requires a momentum > 0 and zero dampening; momentum is 0.9 and dampening 0.1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_checks_lengths_and_overlap()
    {
        var adam = new Adam<float>();
        var e = Assert.Throws<ArgumentException>(() => adam.Step(new float[4], new float[3]));
        Check(e, "gradients", "'gradients' has 3 elements but must have 4 (one per parameter).");
        var shared = new float[8];
        e = Assert.Throws<ArgumentException>(() => adam.Step(shared.AsSpan(0, 4), shared.AsSpan(3, 4)));
        Check(e, "gradients", "'gradients' shares memory with 'parameters', which are written in place; pass a separate gradient buffer.");
        Assert.Equal(0, adam.GroupCount);

        adam.Step(new float[4], new float[4]);
        e = Assert.Throws<ArgumentException>(() => adam.Step(new float[5], new float[5]));
        Check(e, "parameters", "'parameters' has 5 elements but the optimizer's state was made for 4; pass the same parameters every step, or call Reset.");
        e = Assert.Throws<ArgumentException>(() => adam.Step([new ParameterGroup<float>(new float[4], new float[4]), new ParameterGroup<float>(new float[1], new float[1])]));
        Check(e, "groups", "'groups' passes 2 parameter groups but the optimizer's state was made for 1; pass the same groups every step, or call Reset.");
        adam.Reset();
        adam.Step(new float[5], new float[5]);
        Assert.Equal(1, adam.GetStepCount(0));
    }

    [Fact]
    public void Group_errors_name_the_group()
    {
        var sgd = new Sgd<double>(new SgdOptions(momentum: 0.9));
        var e = Assert.Throws<ArgumentException>(() => sgd.Step(Array.Empty<ParameterGroup<double>>()));
        Check(e, "groups", "'groups' is empty; pass at least one parameter group.");
        Assert.Throws<ArgumentNullException>(() => sgd.Step(null!));
        e = Assert.Throws<ArgumentException>(() => sgd.Step([new(new double[2], new double[2]), new(new double[3], new double[2])]));
        Check(e, "groups", "'groups' group 1 has 3 parameters but 2 gradients; they must be equal.");
        var buffer = new double[10];
        e = Assert.Throws<ArgumentException>(() => sgd.Step([new(buffer.AsMemory(0, 3), new double[3]), new(buffer.AsMemory(2, 3), new double[3])]));
        Check(e, "groups", "'groups' group 0's parameters share memory with group 1's parameters; parameters are written in place and must be separate.");
        e = Assert.Throws<ArgumentException>(() => sgd.Step([new(buffer.AsMemory(0, 3), new double[3]), new(new double[3], buffer.AsMemory(1, 3))]));
        Check(e, "groups", "'groups' group 0's parameters share memory with group 1's gradients; parameters are written in place and must be separate.");
        e = Assert.Throws<ArgumentException>(() => sgd.Step([new(new double[2], new double[2]), new(new double[3], new[] { 0, double.NaN, 0 })]));
        Check(e, "groups", "'groups' holds NaN at group 1's gradients, index 1; the values must be finite (no NaN or ∞), so nothing was updated.");
        Assert.Equal(0, sgd.GroupCount);

        sgd.Step([new(new double[2], new double[2]), new(new double[3], new double[3])]);
        e = Assert.Throws<ArgumentException>(() => sgd.Step([new(new double[2], new double[2]), new(new double[4], new double[4])]));
        Check(e, "groups", "'groups' group 1 has 4 parameters but the optimizer's state was made for 3; pass the same groups every step, or call Reset.");
        e = Assert.Throws<ArgumentException>(() => sgd.Step(new double[2], new double[2]));
        Check(e, "parameters", "'parameters' passes 1 parameter groups but the optimizer's state was made for 2; pass the same groups every step, or call Reset.");
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => sgd.GetStepCount(2));
        Assert.Equal("group", outOfRange.ParamName);
        Assert.StartsWith("'group' must be in [0, 1]; the optimizer has 2 groups.", outOfRange.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_values_are_reported_and_change_nothing()
    {
        var rms = new RMSprop<float>(new RMSpropOptions(momentum: 0.5, centered: true));
        float[] p = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        float[] g = [1, -1, 1, -1, 1, -1, 1, -1, 1];
        rms.Step(p, g);
        float[] before = (float[])p.Clone();
        OptimizerState<float> state = rms.ExportState();

        g[6] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => rms.Step(p, g));
        Check(e, "gradients", "'gradients' holds NaN at index 6; the values must be finite (no NaN or ∞), so nothing was updated.");
        g[6] = float.NegativeInfinity;
        e = Assert.Throws<ArgumentException>(() => rms.Step(p, g));
        Check(e, "gradients", "'gradients' holds -Infinity at index 6; the values must be finite (no NaN or ∞), so nothing was updated.");
        g[6] = 1;
        p[2] = float.PositiveInfinity;
        e = Assert.Throws<ArgumentException>(() => rms.Step(p, g));
        Check(e, "parameters", "'parameters' holds Infinity at index 2; the values must be finite (no NaN or ∞), so nothing was updated.");
        p[2] = before[2];

        Assert.Equal(before, p);
        Assert.Equal(1, rms.GetStepCount(0));
        OptimizerState<float> after = rms.ExportState();
        for (int k = 0; k < state.BufferCount; k++)
        {
            Assert.Equal(state.GetBuffer(0, k), after.GetBuffer(0, k));
        }
    }

    [Fact]
    public void Without_the_finiteness_check_a_step_is_the_same_and_a_NaN_spreads()
    {
        // Finite inputs: the unchecked step gives the checked step's bits, for one group and for several.
        var checkedAdam = new Adam<float>(new AdamOptions(weightDecay: 0.01));
        var uncheckedAdam = new Adam<float>(new AdamOptions(weightDecay: 0.01)) { CheckFinite = false };
        Assert.True(checkedAdam.CheckFinite);
        float[] p1 = [1, 2, 3, 4, 5, 6, 7, 8, 9], p2 = (float[])p1.Clone();
        float[] g = [1, -1, 0.5f, -0.5f, 2, -2, 0.25f, -0.25f, 1];
        for (int step = 0; step < 3; step++)
        {
            checkedAdam.Step(p1, g);
            uncheckedAdam.Step(p2, g);
        }

        Assert.Equal(p1, p2);
        float[] q1 = [3, 2, 1], q2 = (float[])q1.Clone();
        checkedAdam.Reset();
        uncheckedAdam.Reset();
        checkedAdam.Step([new ParameterGroup<float>(p1, g), new ParameterGroup<float>(q1, new float[] { 1, 2, 3 })]);
        uncheckedAdam.Step([new ParameterGroup<float>(p2, g), new ParameterGroup<float>(q2, new float[] { 1, 2, 3 })]);
        Assert.Equal(p1, p2);
        Assert.Equal(q1, q2);

        // A NaN gradient is not refused: it reaches the parameter and the moments, as in torch.optim.
        checkedAdam.Reset();
        uncheckedAdam.Reset();
        g[6] = float.NaN;
        uncheckedAdam.Step(p2, g);
        Assert.True(float.IsNaN(p2[6]));
        Assert.True(float.IsNaN(uncheckedAdam.ExportState().GetBuffer(0, 0)[6]));
        Assert.False(float.IsNaN(p2[5]));
        var e = Assert.Throws<ArgumentException>(() => checkedAdam.Step(p1, g));
        Check(e, "gradients", "'gradients' holds NaN at index 6; the values must be finite (no NaN or ∞), so nothing was updated.");
    }

    [Fact]
    public void Import_rejects_a_state_of_another_optimizer_or_shape()
    {
        var adam = new Adam<double>();
        adam.Step(new double[3], new double[] { 1, 2, 3 });
        var e = Assert.Throws<ArgumentException>(() => new AdamW<double>().ImportState(adam.ExportState()));
        Check(e, "state", "'state' was exported by 'adam' but this optimizer is 'adamw'.");
        e = Assert.Throws<ArgumentException>(() => new Adam<double>(new AdamOptions(amsgrad: true)).ImportState(adam.ExportState()));
        Check(e, "state", "'state' has 2 buffers per group but these options need 3 (momentum, amsgrad or centered differ).");
        Assert.Throws<ArgumentNullException>(() => adam.ImportState(null!));

        // A state of the wrong size is caught at the next step.
        var other = new Adam<double>();
        other.ImportState(adam.ExportState());
        e = Assert.Throws<ArgumentException>(() => other.Step(new double[4], new double[4]));
        Check(e, "parameters", "'parameters' has 4 elements but the optimizer's state was made for 3; pass the same parameters every step, or call Reset.");

        OptimizerState<double> s = adam.ExportState();
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => s.GetBuffer(0, 2));
        Assert.Equal("buffer", range.ParamName);
        Assert.StartsWith("'buffer' must be in [0, 1]; this state has 2 buffers per group.", range.Message, StringComparison.Ordinal);
        range = Assert.Throws<ArgumentOutOfRangeException>(() => s.GetLength(1));
        Assert.Equal("group", range.ParamName);
        Assert.StartsWith("'group' must be in [0, 0]; this state has 1 groups.", range.Message, StringComparison.Ordinal);
        Assert.Equal(3, s.GetLength(0));
    }

    [Fact]
    public void Other_element_types_are_not_supported()
    {
        var e = Assert.Throws<NotSupportedException>(() => new SgdOptions().Create<Half>());
        Assert.Contains("Half is not supported", e.Message, StringComparison.Ordinal);
    }

    private static void Rejects(string name, string message, Func<object> create)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    private static void Check(ArgumentException e, string name, string message)
    {
        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
