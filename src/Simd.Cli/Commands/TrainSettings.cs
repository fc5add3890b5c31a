using System;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using Simd.Cli.Training;
using Simd.Optimization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simd.Cli.Commands;

/// <summary>The options of <c>simd train</c>; <see cref="Validate"/> rejects impossible combinations with exit code 1.</summary>
internal sealed class TrainSettings : CommandSettings
{
    /// <summary>The CSV file to train on.</summary>
    [CommandOption("--data <FILE>")]
    [Description("CSV file with a header row and numeric cells. Default: the embedded diabetes data (442 patients, 10 features).")]
    public string? Data { get; set; }

    /// <summary>The header name of the target column.</summary>
    [CommandOption("--target <COLUMN>")]
    [Description("Header name of the column to predict. Default: the last column.")]
    public string? Target { get; set; }

    /// <summary>linear, logistic or softmax.</summary>
    [CommandOption("--model <MODEL>")]
    [Description("linear (mean squared error), logistic (cross-entropy; targets must be 0 or 1) or softmax (multinomial cross-entropy; targets must be class indices 0, 1, 2, ...; K = the largest + 1 classes).")]
    [DefaultValue("linear")]
    public string Model { get; set; } = "linear";

    /// <summary>zscore, minmax, meannorm or none.</summary>
    [CommandOption("--scale <SCALING>")]
    [Description("Feature scaling: zscore, minmax, meannorm or none.")]
    [DefaultValue("zscore")]
    public string Scale { get; set; } = "zscore";

    /// <summary>The learning rate; <see langword="null"/> for the optimizer's default.</summary>
    [CommandOption("--alpha <RATE>")]
    [Description("Learning rate (> 0). Default: 0.1 for --optimizer gd, PyTorch's default for the others (0.001 for sgd, adam, adamw; 0.01 for rmsprop, adagrad).")]
    public double? Alpha { get; set; }

    /// <summary>The update rule of gradient descent.</summary>
    [CommandOption("--optimizer <NAME>")]
    [Description("Update rule of gradient descent: gd (plain), sgd, adam, adamw, rmsprop or adagrad (PyTorch's algorithms and defaults). CPU only.")]
    [DefaultValue("gd")]
    public string Optimizer { get; set; } = "gd";

    /// <summary>Momentum (sgd, rmsprop).</summary>
    [CommandOption("--momentum <MU>")]
    [Description("Momentum μ >= 0 (sgd, rmsprop). Default 0.")]
    public double? Momentum { get; set; }

    /// <summary>Nesterov momentum (sgd).</summary>
    [CommandOption("--nesterov")]
    [Description("Nesterov momentum (sgd; needs --momentum > 0).")]
    public bool Nesterov { get; set; }

    /// <summary>Dampening τ (sgd).</summary>
    [CommandOption("--dampening <TAU>")]
    [Description("Dampening τ of the momentum buffer, finite (sgd; the new gradient enters with weight 1 − τ). Default 0.")]
    public double? Dampening { get; set; }

    /// <summary>AMSGrad (adam, adamw).</summary>
    [CommandOption("--amsgrad")]
    [Description("AMSGrad: divide by the running maximum of the second moment (adam, adamw).")]
    public bool Amsgrad { get; set; }

    /// <summary>RMSprop's smoothing constant α (torch's <c>alpha</c>; <c>--alpha</c> is the learning rate).</summary>
    [CommandOption("--rmsprop-alpha <A>")]
    [Description("Smoothing constant α in [[0, 1]] of the squared-gradient average (rmsprop; PyTorch's alpha — --alpha is the learning rate). Default 0.99.")]
    public double? RmspropAlpha { get; set; }

    /// <summary>Centered RMSprop.</summary>
    [CommandOption("--centered")]
    [Description("Centered RMSprop: normalise by the estimated variance (rmsprop).")]
    public bool Centered { get; set; }

    /// <summary>Adagrad's learning-rate decay η.</summary>
    [CommandOption("--lr-decay <ETA>")]
    [Description("Learning-rate decay η >= 0: step t uses α / (1 + (t − 1)η) (adagrad). Default 0.")]
    public double? LrDecay { get; set; }

    /// <summary>Adagrad's initial accumulator value.</summary>
    [CommandOption("--initial-accumulator <S>")]
    [Description("Starting value >= 0 of the sum of squared gradients (adagrad; PyTorch's initial_accumulator_value). Default 0.")]
    public double? InitialAccumulator { get; set; }

    /// <summary>β₁ (adam, adamw).</summary>
    [CommandOption("--beta1 <B>")]
    [Description("First-moment decay β₁ in [[0, 1) (adam, adamw). Default 0.9.")]
    public double? Beta1 { get; set; }

    /// <summary>β₂ (adam, adamw).</summary>
    [CommandOption("--beta2 <B>")]
    [Description("Second-moment decay β₂ in [[0, 1) (adam, adamw). Default 0.999.")]
    public double? Beta2 { get; set; }

    /// <summary>ε (adam, adamw, rmsprop, adagrad).</summary>
    [CommandOption("--epsilon <E>")]
    [Description("Denominator term ε > 0 (adam, adamw, rmsprop: default 1e-8; adagrad: 1e-10).")]
    public double? Epsilon { get; set; }

    /// <summary>Weight decay λ (every optimizer but gd).</summary>
    [CommandOption("--weight-decay <L>")]
    [Description("Weight decay >= 0, of w and b (sgd, adam, rmsprop, adagrad: added to the gradient, default 0; adamw: decoupled, default 0.01).")]
    public double? WeightDecay { get; set; }

    /// <summary>The most updates.</summary>
    [CommandOption("--iterations <N>")]
    [Description("Most gradient-descent updates (1 to 2147483590).")]
    [DefaultValue(1000)]
    public int Iterations { get; set; } = 1000;

    /// <summary>The early-stopping threshold.</summary>
    [CommandOption("--tolerance <T>")]
    [Description("Stop early once an update changes the cost by at most T (absolute, >= 0; 0 = run every iteration).")]
    [DefaultValue(0.0)]
    public double Tolerance { get; set; }

    /// <summary>L2 regularisation strength.</summary>
    [CommandOption("--lambda <L>")]
    [Description("L2 regularisation strength (>= 0); the bias is not regularised.")]
    [DefaultValue(0.0)]
    public double Lambda { get; set; }

    /// <summary>gd or normal.</summary>
    [CommandOption("--solver <SOLVER>")]
    [Description("gd (batch gradient descent) or normal (the normal equation, closed form; linear only).")]
    [DefaultValue("gd")]
    public string Solver { get; set; } = "gd";

    /// <summary>float or double.</summary>
    [CommandOption("--precision <TYPE>")]
    [Description("float or double: the element type the optimiser computes in (float has twice the vector lanes).")]
    [DefaultValue("double")]
    public string Precision { get; set; } = "double";

    /// <summary>cpu or cuda.</summary>
    [CommandOption("--device <DEVICE>")]
    [Description("cpu, or cuda for gradient descent on the GPU (ordinal 0, or SIMD_CUDA_DEVICE).")]
    [DefaultValue("cpu")]
    public string Device { get; set; } = "cpu";

    /// <summary>Print JSON.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON object (schema in docs/cli.md) and no progress bar.")]
    public bool Json { get; set; }

    /// <summary>Where to write the learning curve.</summary>
    [CommandOption("--plot <FILE>")]
    [Description("Write the learning curve (cost against iteration) to FILE, an SVG that opens in a browser.")]
    public string? Plot { get; set; }

    /// <summary>The parsed <see cref="Model"/>.</summary>
    public ModelKind ModelKind => Parse(Model, "--model", ("linear", ModelKind.Linear), ("logistic", ModelKind.Logistic), ("softmax", ModelKind.Softmax));

    /// <summary>The parsed <see cref="Scale"/>.</summary>
    public ScalingKind ScalingKind => Parse(
        Scale, "--scale", ("zscore", ScalingKind.ZScore), ("minmax", ScalingKind.MinMax), ("meannorm", ScalingKind.MeanNorm), ("none", ScalingKind.None));

    /// <summary>The parsed <see cref="Solver"/>.</summary>
    public SolverKind SolverKind => Parse(Solver, "--solver", ("gd", SolverKind.GradientDescent), ("normal", SolverKind.NormalEquation));

    /// <summary>The parsed <see cref="Precision"/>.</summary>
    public Precision PrecisionKind => Parse(Precision, "--precision", ("float", Training.Precision.Float), ("double", Training.Precision.Double));

    /// <summary>Whether <see cref="Device"/> is cuda.</summary>
    public bool UseCuda => Parse(Device, "--device", ("cpu", false), ("cuda", true));

    /// <summary>The parsed optimizer options; <see langword="null"/> for plain gradient descent.</summary>
    public OptimizerOptions? OptimizerOptions => OptimizerChoice.Create(
        Optimizer, Alpha, new OptimizerFlags(Momentum, Nesterov, Beta1, Beta2, Epsilon, WeightDecay, Dampening, Amsgrad, RmspropAlpha, Centered, LrDecay, InitialAccumulator));

    /// <summary>The validated options for the trainer.</summary>
    public TrainingOptions ToOptions()
    {
        OptimizerOptions? optimizer = OptimizerOptions;
        return new(ModelKind, ScalingKind, SolverKind, PrecisionKind, optimizer?.LearningRate ?? Alpha ?? OptimizerChoice.DefaultAlpha, Iterations, Tolerance, Lambda, optimizer);
    }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        try
        {
            _ = ToOptions();
            _ = UseCuda;
        }
        catch (UsageException e)
        {
            return ValidationResult.Error(e.Message);
        }

        if (Alpha is double alpha && (!(alpha > 0) || !double.IsFinite(alpha)))
        {
            return ValidationResult.Error(Invariant($"--alpha must be a finite number > 0, got {Alpha}"));
        }

        if (!string.Equals(Optimizer, "gd", StringComparison.OrdinalIgnoreCase) && SolverKind == SolverKind.NormalEquation)
        {
            return ValidationResult.Error($"--optimizer {Optimizer} is an update rule of gradient descent; use --solver gd");
        }

        if (!string.Equals(Optimizer, "gd", StringComparison.OrdinalIgnoreCase) && UseCuda)
        {
            return ValidationResult.Error($"--optimizer {Optimizer} runs on the CPU (its step updates several buffers, which have no device kernels); use --device cpu or --optimizer gd");
        }

        if (Iterations <= 0)
        {
            return ValidationResult.Error(Invariant($"--iterations must be > 0, got {Iterations}"));
        }

        if (Iterations >= Array.MaxLength)
        {
            return ValidationResult.Error(Invariant($"--iterations must be at most {Array.MaxLength - 1} (the cost history keeps one value per update), got {Iterations}"));
        }

        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance))
        {
            return ValidationResult.Error(Invariant($"--tolerance must be a finite number >= 0, got {Tolerance}"));
        }

        if (!(Lambda >= 0) || !double.IsFinite(Lambda))
        {
            return ValidationResult.Error(Invariant($"--lambda must be a finite number >= 0, got {Lambda}"));
        }

        if (SolverKind == SolverKind.NormalEquation && ModelKind != ModelKind.Linear)
        {
            return ValidationResult.Error($"--solver normal solves linear regression only; use --solver gd with --model {OptionNames.Of(ModelKind)}");
        }

        if (UseCuda && ModelKind == ModelKind.Softmax)
        {
            return ValidationResult.Error("--model softmax runs on the CPU (the GPU trainer fits linear and logistic regression); use --device cpu");
        }

        if (SolverKind == SolverKind.NormalEquation && PrecisionKind == Training.Precision.Float)
        {
            return ValidationResult.Error("--solver normal solves in double (Householder QR); drop --precision float or use --solver gd");
        }

        if (SolverKind == SolverKind.NormalEquation && Lambda > 0)
        {
            return ValidationResult.Error("--lambda applies to gradient descent only (--solver normal fits unregularised least squares); use --solver gd");
        }

        if (UseCuda && SolverKind == SolverKind.NormalEquation)
        {
            return ValidationResult.Error("--solver normal runs on the CPU; use --solver gd with --device cuda");
        }

        if (UseCuda && Tolerance > 0)
        {
            return ValidationResult.Error("--tolerance needs --device cpu: on the GPU every one of --iterations updates runs");
        }

        if (Data is not null && Data.Trim().Length == 0)
        {
            return ValidationResult.Error("--data is empty: give the name of a CSV file");
        }

        if (Plot is not null && Plot.Trim().Length == 0)
        {
            return ValidationResult.Error("--plot is empty: give the name of an .svg file to write");
        }

        if (Plot is not null && !Plot.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return ValidationResult.Error($"--plot writes SVG: give a file name ending in .svg, got '{Plot}'");
        }

        if (Target is not null && Target.Trim().Length == 0)
        {
            return ValidationResult.Error("--target is empty: give the header name of the column to predict");
        }

        if (Data is not null && Directory.Exists(Data))
        {
            return ValidationResult.Error($"--data '{Data}' is a directory: give a CSV file");
        }

        if (Plot is not null && Data is not null && SamePath(Plot, Data))
        {
            return ValidationResult.Error($"--plot '{Plot}' is the --data file: writing the curve would overwrite the data; give another file name");
        }

        if (Plot is not null && Directory.Exists(Plot))
        {
            return ValidationResult.Error($"--plot '{Plot}' is a directory: give the name of an .svg file to write");
        }

        return ValidationResult.Success();
    }

    private static bool SamePath(string a, string b)
    {
        try
        {
            return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    private static T Parse<T>(string value, string option, params (string Name, T Value)[] choices)
    {
        foreach ((string name, T choice) in choices)
        {
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        string names = string.Join(", ", Array.ConvertAll(choices, c => c.Name));
        throw new UsageException($"{option} must be one of {names}, got '{value}'");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
