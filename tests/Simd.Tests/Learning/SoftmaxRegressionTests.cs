using System;
using System.Linq;
using Simd.Learning;
using Simd.Optimization;
using Xunit;

namespace Simd.Tests.Learning;

public class SoftmaxRegressionTests
{
    private const int Classes = 3;

    private static readonly Dataset Iris = Dataset.Iris;

    private static readonly Dataset Wine = Dataset.Wine;

    /// <summary>W (n×K) and b with float-representable entries in [−1, 1), from a fixed seed.</summary>
    private static (double[] W, double[] B) RandomModel(int n, int seed)
    {
        var random = new Random(seed);
        double[] w = Enumerable.Range(0, n * Classes).Select(_ => (double)(float)((2 * random.NextDouble()) - 1)).ToArray();
        double[] b = Enumerable.Range(0, Classes).Select(_ => (double)(float)((2 * random.NextDouble()) - 1)).ToArray();
        return (w, b);
    }

    private static double[] FloatRounded(double[] x) => Array.ConvertAll(x, v => (double)(float)v);

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void Float_cost_and_gradient_on_iris_match_the_double_reference_within_the_derived_bound(double lambda)
    {
        int m = Iris.Rows, n = Iris.Columns;
        double[] x = FloatRounded(Reference.ZScore(Iris.X, m, n));
        (double[] w, double[] b) = RandomModel(n, 5);
        int[] y = Iris.Labels;
        var gw = new double[n * Classes];
        var gb = new double[Classes];
        double expected = SoftmaxReference.CostAndGradient(x, y, m, n, w, b, lambda, gw, gb);
        (double costBound, double[] weightBounds, double[] biasBounds) = SoftmaxReference.Bounds(x, y, m, n, w, b, lambda, Reference.FloatU);

        var weightGradient = new float[n * Classes];
        var biasGradient = new float[Classes];
        float cost = SoftmaxRegression.CostAndGradient(
            new ReadOnlyMatrixView<float>(Array.ConvertAll(x, v => (float)v), m, n),
            y,
            new ReadOnlyMatrixView<float>(Array.ConvertAll(w, v => (float)v), n, Classes),
            Array.ConvertAll(b, v => (float)v),
            new MatrixView<float>(weightGradient, n, Classes),
            biasGradient,
            (float)lambda);
        Assert.InRange(cost, expected - costBound, expected + costBound);
        for (int c = 0; c < Classes; c++)
        {
            Assert.InRange(biasGradient[c], gb[c] - biasBounds[c], gb[c] + biasBounds[c]);
        }

        for (int e = 0; e < gw.Length; e++)
        {
            Assert.InRange(weightGradient[e], gw[e] - weightBounds[e], gw[e] + weightBounds[e]);
        }

        // The bound is not vacuous: it is far below the values it guards.
        Assert.True(costBound < 1e-4 * expected, $"cost bound {costBound} for J = {expected}");
    }

    [Fact]
    public void Double_cost_and_gradient_on_wine_match_the_reference_within_twice_the_derived_bound()
    {
        // The reference rounds too, with bounds of the same form, so the two may differ by twice the library's bound.
        int m = Wine.Rows, n = Wine.Columns;
        double[] x = Reference.ZScore(Wine.X, m, n);
        (double[] w, double[] b) = RandomModel(n, 11);
        int[] y = Wine.Labels;
        const double lambda = 1.0;
        var gw = new double[n * Classes];
        var gb = new double[Classes];
        double expected = SoftmaxReference.CostAndGradient(x, y, m, n, w, b, lambda, gw, gb);
        (double costBound, double[] weightBounds, double[] biasBounds) = SoftmaxReference.Bounds(x, y, m, n, w, b, lambda, Reference.DoubleU);

        var weightGradient = new double[n * Classes];
        var biasGradient = new double[Classes];
        double cost = SoftmaxRegression.CostAndGradient(
            new ReadOnlyMatrixView<double>(x, m, n), y, new ReadOnlyMatrixView<double>(w, n, Classes), b, new MatrixView<double>(weightGradient, n, Classes), biasGradient, lambda);
        Assert.Equal(expected, cost, 2 * costBound);
        Assert.Equal(expected, SoftmaxRegression.Cost(new ReadOnlyMatrixView<double>(x, m, n), y, new ReadOnlyMatrixView<double>(w, n, Classes), b, lambda));
        for (int c = 0; c < Classes; c++)
        {
            Assert.Equal(gb[c], biasGradient[c], 2 * biasBounds[c]);
        }

        for (int e = 0; e < gw.Length; e++)
        {
            Assert.Equal(gw[e], weightGradient[e], 2 * weightBounds[e]);
        }
    }

    [Fact]
    public void Gradient_matches_central_differences_of_the_cost()
    {
        // Central differences err by h²/6·|J‴| (truncation) plus 2·ε_J/(2h) (each J is off by at most its rounding
        // bound ε_J). Along W_jk the logits of row i move by x_ij in class k only, so J‴ is (1/m) Σᵢ x_ij³ times the
        // third central moment of a Bernoulli(p) variable, at most 1/(6√3) < 0.1 in size; along b_k the same with x = 1.
        // The L2 term is quadratic: no truncation error.
        int m = Iris.Rows, n = Iris.Columns;
        double[] x = Reference.ZScore(Iris.X, m, n);
        (double[] w, double[] b) = RandomModel(n, 7);
        int[] y = Iris.Labels;
        const double lambda = 0.75, h = 1e-5;
        var view = new ReadOnlyMatrixView<double>(x, m, n);
        var weightGradient = new double[n * Classes];
        var biasGradient = new double[Classes];
        SoftmaxRegression.CostAndGradient(view, y, new ReadOnlyMatrixView<double>(w, n, Classes), b, new MatrixView<double>(weightGradient, n, Classes), biasGradient, lambda);
        (double costBound, double[] weightBounds, double[] biasBounds) = SoftmaxReference.Bounds(x, y, m, n, w, b, lambda, Reference.DoubleU);

        double J(double[] ww, double[] bb) => SoftmaxRegression.Cost(view, y, new ReadOnlyMatrixView<double>(ww, n, Classes), bb, lambda);
        double rounding = 2 * costBound / (2 * h);
        for (int j = 0; j < n; j++)
        {
            double cubes = Enumerable.Range(0, m).Sum(i => Math.Abs(Math.Pow(x[(i * n) + j], 3))) / m;
            for (int c = 0; c < Classes; c++)
            {
                int e = (j * Classes) + c;
                double[] plus = (double[])w.Clone(), minus = (double[])w.Clone();
                plus[e] += h;
                minus[e] -= h;
                double difference = (J(plus, b) - J(minus, b)) / (2 * h);
                double tolerance = (h * h / 6 * 0.1 * cubes) + rounding + weightBounds[e];
                Assert.True(Math.Abs(difference - weightGradient[e]) <= tolerance, $"W[{j},{c}]: {difference} vs {weightGradient[e]} (tolerance {tolerance})");
            }
        }

        for (int c = 0; c < Classes; c++)
        {
            double[] plus = (double[])b.Clone(), minus = (double[])b.Clone();
            plus[c] += h;
            minus[c] -= h;
            double difference = (J(w, plus) - J(w, minus)) / (2 * h);
            double tolerance = (h * h / 6 * 0.1) + rounding + biasBounds[c];
            Assert.True(Math.Abs(difference - biasGradient[c]) <= tolerance, $"b[{c}]: {difference} vs {biasGradient[c]} (tolerance {tolerance})");
        }
    }

    [Fact]
    public void Double_descent_on_iris_follows_the_reference_trajectory()
    {
        // The Hessian of log Σ e^z is diag(p) − ppᵀ ≤ ½·I, so L ≤ ½·λmax([1 X]ᵀ[1 X]/m) + λ/m ≤ ½·trace + λ/m; with
        // α ≤ 2/L each step is a contraction and rounding differences do not grow: they stay ~1e−13 relative.
        int m = Iris.Rows, n = Iris.Columns;
        double[] x = Reference.ZScore(Iris.X, m, n);
        int[] y = Iris.Labels;
        const double alpha = 0.5, lambda = 0.5;
        const int iterations = 200;
        Assert.True(alpha <= 2 / ((0.5 * Reference.HessianTrace(x, m, n)) + (lambda / m)));
        SoftmaxRegressionResult<double> fit = SoftmaxRegression.Fit(
            new ReadOnlyMatrixView<double>(x, m, n), y, Classes, new GradientDescentOptions { LearningRate = alpha, Iterations = iterations, L2 = lambda });

        var w = new double[n * Classes];
        var b = new double[Classes];
        var gw = new double[n * Classes];
        var gb = new double[Classes];
        for (int k = 0; k <= iterations; k++)
        {
            double cost = SoftmaxReference.CostAndGradient(x, y, m, n, w, b, lambda, gw, gb);
            Assert.Equal(cost, fit.CostHistory[k], 1e-9 * cost);
            if (k == iterations)
            {
                break;
            }

            for (int e = 0; e < w.Length; e++)
            {
                w[e] -= alpha * gw[e];
            }

            for (int c = 0; c < Classes; c++)
            {
                b[c] -= alpha * gb[c];
            }
        }

        Assert.Equal(iterations, fit.Iterations);
        Assert.False(fit.Converged);
        Assert.Equal(Classes, fit.Classes);
        Assert.Equal(n, fit.Weights.Rows);
        Assert.Equal(Classes, fit.Weights.Columns);
        for (int j = 0; j < n; j++)
        {
            for (int c = 0; c < Classes; c++)
            {
                double expected = w[(j * Classes) + c];
                Assert.Equal(expected, fit.Weights[j, c], 1e-9 * (1 + Math.Abs(expected)));
            }
        }

        for (int c = 0; c < Classes; c++)
        {
            Assert.Equal(b[c], fit.Bias.Span[c], 1e-9 * (1 + Math.Abs(b[c])));
        }
    }

    /// <summary>
    /// scikit-learn 1.2.1, <c>LogisticRegression(multi_class="multinomial", C=1/λ, solver="newton-cg", tol=1e-8,
    /// max_iter=1000)</c> (converged in 14 Newton steps; its largest gradient entry under this J is about 2e−11) on <c>StandardScaler</c> features (σ with ddof = 0) of the data sets in Data/, λ = 1: that
    /// minimises Σᵢ CEᵢ + ½‖W‖² (intercept unpenalised), m times this library's J, so the optimum is the same.
    /// Columns of <c>coef_</c>ᵀ in row-major n×K order; accuracy and <c>confusion_matrix</c> on the training data.
    /// </summary>
    public static TheoryData<string, double, double[], double[], double, int[]> ScikitLearn => new()
    {
        {
            "iris", 0.20919178840530978,
            [-1.0740661547581827, 0.5878102406053968, 0.48625591415278757, 1.1601151168541264, -0.36184062701238584, -0.7982744898417404, -1.9306918596942395, -0.3634310240929666, 2.294122883787207, -1.8115561243436011, -0.8262695757259548, 2.6378257000695555],
            [-0.2052411326997217, 2.074839783355818, -1.8695986506560922],
            0.9733333333333334,
            [50, 0, 0, 0, 47, 3, 0, 1, 49]
        },
        {
            "wine", 0.06792323468457986,
            [0.8101362007801977, -1.0103312354163716, 0.20019503463617294, 0.20380427899275871, -0.44045085529916683, 0.23664657630640734, 0.47220288797340765, -0.8480601983164175, 0.3758573103430107, -0.8447923700606721, 0.5835966626667356, 0.26119570739393766, 0.04951330962664309, -0.09770734953356944, 0.048194039906927666, 0.21369971972902688, 0.027543428053101067, -0.24124314778212838, 0.6478848020448168, 0.3539867190318994, -1.0018715210767177, -0.19984833889089254, 0.21278955606545735, -0.012941217174564765, 0.1383486484851317, 0.263355020258236, -0.401703668743368, 0.17160801746609733, -1.041251498038223, 0.8696434805721264, 0.13090920829407354, 0.6825131388954433, -0.813422347189516, 0.7259638249759803, 0.05288588479518795, -0.7788497097711687, 1.0789526120643613, -1.1407822350949137, 0.06182962303055243],
            [0.41234332492206466, 0.7048385613535978, -1.1171818862756637],
            1.0,
            [59, 0, 0, 0, 71, 0, 0, 0, 48]
        },
    };

    [Theory]
    [MemberData(nameof(ScikitLearn))]
    public void Converged_fit_reaches_the_scikit_learn_optimum_accuracy_and_confusion(string name, double cost, double[] coef, double[] intercept, double accuracy, int[] confusion)
    {
        Dataset data = name == "iris" ? Iris : Wine;
        int m = data.Rows, n = data.Columns;
        double[] x = Reference.ZScore(data.X, m, n);
        int[] y = data.Labels;
        var view = new ReadOnlyMatrixView<double>(x, m, n);
        const double lambda = 1.0;

        // scikit-learn's solution is a stationary point of this library's J (the same objective).
        var gw = new double[n * Classes];
        var gb = new double[Classes];
        double atReference = SoftmaxRegression.CostAndGradient(view, y, new ReadOnlyMatrixView<double>(coef, n, Classes), intercept, new MatrixView<double>(gw, n, Classes), gb, lambda);
        Assert.Equal(cost, atReference, 1e-13);
        Assert.True(gw.Concat(gb).Max(Math.Abs) < 1e-10, "scikit-learn's solution is not stationary under this cost");

        // Adam to the neighbourhood of the optimum, then plain gradient descent (a contraction there) to the floor.
        SoftmaxRegressionResult<double> fit = new GradientDescent(new GradientDescentOptions { Iterations = 3000, L2 = lambda, Optimizer = new AdamOptions(learningRate: 0.05) })
            .FitSoftmax(view, y, Classes);
        fit = new GradientDescent(new GradientDescentOptions { LearningRate = 0.5, Iterations = 10000, L2 = lambda })
            .FitSoftmax(view, y, Classes, fit.Weights, fit.Bias.Span);
        double final = SoftmaxRegression.CostAndGradient(view, y, fit.Weights, fit.Bias.Span, new MatrixView<double>(gw, n, Classes), gb, lambda);
        double gradient = gw.Concat(gb).Max(Math.Abs);
        Assert.True(gradient < 1e-10, $"gradient {gradient} after the descent");

        // Both are stationary to 1e−10: the costs agree to second order (rounding), the parameters to first order,
        // ‖Δθ‖ ≤ ‖Δ∇J‖/μ, with μ ≥ λ/m from the penalty along W (1/150 and 1/178 here: ≤ 3.6e−8 per entry); the
        // unpenalised bias has only the data's curvature, so 1e−6 is allowed for every entry.
        Assert.Equal(cost, final, 1e-13);
        for (int e = 0; e < coef.Length; e++)
        {
            Assert.Equal(coef[e], fit.Weights[e / Classes, e % Classes], 1e-6);
        }

        // b is fixed only up to a common shift (softmax(z + c) = softmax(z), and b is not penalised): scikit-learn's
        // Newton steps, like plain gradient descent from 0, keep Σb = 0; Adam's per-entry steps do not. Compare centred.
        double shift = fit.Bias.ToArray().Average() - intercept.Average();
        for (int c = 0; c < Classes; c++)
        {
            Assert.Equal(intercept[c], fit.Bias.Span[c] - shift, 1e-6);
        }

        var predicted = new int[m];
        SoftmaxRegression.Predict(view, fit.Weights, fit.Bias.Span, predicted);
        var counts = new int[Classes * Classes];
        for (int i = 0; i < m; i++)
        {
            counts[(y[i] * Classes) + predicted[i]]++;
        }

        Assert.Equal(confusion, counts);
        Assert.Equal(accuracy, predicted.Zip(y).Count(p => p.First == p.Second) / (double)m);
    }

    [Fact]
    public void Float_fit_on_wine_classifies_as_well_as_the_double_fit()
    {
        int m = Wine.Rows, n = Wine.Columns;
        float[] x = Array.ConvertAll(Reference.ZScore(Wine.X, m, n), v => (float)v);
        var view = new ReadOnlyMatrixView<float>(x, m, n);
        SoftmaxRegressionResult<float> fit = SoftmaxRegression.Fit(view, Wine.Labels, Classes, new GradientDescentOptions { LearningRate = 0.5, Iterations = 500 });
        var predicted = new int[m];
        SoftmaxRegression.Predict(view, fit.Weights, fit.Bias.Span, predicted);

        // Wine is linearly separable once standardised (scikit-learn's fit above classifies every row correctly).
        Assert.Equal(Wine.Labels, predicted);
        for (int k = 1; k < fit.CostHistory.Count; k++)
        {
            Assert.True(fit.CostHistory[k] <= fit.CostHistory[k - 1], $"cost rose at update {k}");
        }
    }

    [Fact]
    public void Fit_with_an_optimizer_takes_the_optimizer_steps_on_w_and_b_as_two_groups()
    {
        int m = Iris.Rows, n = Iris.Columns;
        double[] x = Reference.ZScore(Iris.X, m, n);
        int[] y = Iris.Labels;
        var view = new ReadOnlyMatrixView<double>(x, m, n);
        var options = new AdamWOptions(learningRate: 0.01);
        SoftmaxRegressionResult<double> fit = SoftmaxRegression.Fit(view, y, Classes, new GradientDescentOptions { Iterations = 50, L2 = 0.25, Optimizer = options });

        Optimizer<double> optimizer = options.Create<double>();
        var w = new double[n * Classes];
        var b = new double[Classes];
        var gw = new double[n * Classes];
        var gb = new double[Classes];
        for (int k = 0; k <= 50; k++)
        {
            double cost = SoftmaxRegression.CostAndGradient(view, y, new ReadOnlyMatrixView<double>(w, n, Classes), b, new MatrixView<double>(gw, n, Classes), gb, 0.25);
            Assert.Equal(cost, fit.CostHistory[k]);
            if (k < 50)
            {
                optimizer.Step([new ParameterGroup<double>(w, gw), new ParameterGroup<double>(b, gb)]);
            }
        }

        Assert.Equal(w, Enumerable.Range(0, n * Classes).Select(e => fit.Weights[e / Classes, e % Classes]));
        Assert.Equal(b, fit.Bias.ToArray());
    }

    [Fact]
    public void Probabilities_match_the_reference_and_predictions_are_their_argmax()
    {
        int m = Iris.Rows, n = Iris.Columns;
        double[] x = Reference.ZScore(Iris.X, m, n);
        (double[] w, double[] b) = RandomModel(n, 13);
        double[] expected = SoftmaxReference.Probabilities(SoftmaxReference.Logits(x, m, n, w, b), m, Classes);
        var view = new ReadOnlyMatrixView<double>(x, m, n);
        var weights = new ReadOnlyMatrixView<double>(w, n, Classes);
        var p = new double[m * Classes];
        SoftmaxRegression.PredictProbabilities(view, weights, b, new MatrixView<double>(p, m, Classes));
        var classes = new int[m];
        SoftmaxRegression.Predict(view, weights, b, classes);

        // A probability is e^(z − lse) with |Δz| ≤ 2γ(n+2)·Σ|x||w| + ...: a relative error of a few 1e−15 here.
        for (int i = 0; i < m; i++)
        {
            for (int c = 0; c < Classes; c++)
            {
                Assert.Equal(expected[(i * Classes) + c], p[(i * Classes) + c], 1e-13);
            }

            Assert.Equal(1.0, p.AsSpan(i * Classes, Classes).ToArray().Sum(), 1e-15 * Classes);
            int best = 0;
            for (int c = 1; c < Classes; c++)
            {
                best = p[(i * Classes) + c] > p[(i * Classes) + best] ? c : best;
            }

            Assert.Equal(best, classes[i]);
        }
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.0, 0.0 }, 0)]
    [InlineData(new[] { 0.0, 2.0, 2.0 }, 1)]
    [InlineData(new[] { 5.0, 5.0, 5.0 }, 0)]
    [InlineData(new[] { -1.0, -3.0, 4.0 }, 2)]
    public void Ties_go_to_the_lowest_class(double[] bias, int expected)
    {
        var x = new ReadOnlyMatrixView<double>(new double[] { 1, -2, 3, 0 }, 2, 2);
        var w = new ReadOnlyMatrixView<double>(new double[6], 2, 3);
        var classes = new int[2];
        SoftmaxRegression.Predict(x, w, bias, classes);
        Assert.Equal([expected, expected], classes);

        float[] fx = [1, -2, 3, 0];
        SoftmaxRegression.Predict(new ReadOnlyMatrixView<float>(fx, 2, 2), new ReadOnlyMatrixView<float>(new float[6], 2, 3), Array.ConvertAll(bias, v => (float)v), classes);
        Assert.Equal([expected, expected], classes);
    }

    [Fact]
    public void Cost_is_finite_and_exact_for_huge_logits()
    {
        // z = (1000, 0, −1000) for the only row: J = lse(z) − z_y = 1000 + log(1 + e^−1000 + e^−2000) − z_y.
        var x = new ReadOnlyMatrixView<double>(new double[] { 1 }, 1, 1);
        var w = new ReadOnlyMatrixView<double>(new double[] { 1000, 0, -1000 }, 1, 3);
        double[] b = [0, 0, 0];
        Assert.Equal(0.0, SoftmaxRegression.Cost(x, [0], w, b));
        Assert.Equal(2000.0, SoftmaxRegression.Cost(x, [2], w, b));
    }

    [Fact]
    public void Cost_and_gradient_allocate_nothing_that_grows_with_the_data_once_warm()
    {
        // The m×K logits come from the shared pool; what remains per call is the GEMM's own small constant
        // (a few dozen bytes, independent of the shapes), far below one workspace of 256×3 doubles (6 KiB).
        int m = 256, n = 8;
        double[] data = Enumerable.Range(0, m * n).Select(i => Math.Sin(i)).ToArray();
        var x = new ReadOnlyMatrixView<double>(data, m, n);
        int[] y = Enumerable.Range(0, m).Select(i => i % Classes).ToArray();
        var w = new ReadOnlyMatrixView<double>(new double[n * Classes], n, Classes);
        double[] b = new double[Classes], gb = new double[Classes];
        var gw = new MatrixView<double>(new double[n * Classes], n, Classes);
        var xf = new ReadOnlyMatrixView<float>(Array.ConvertAll(data, v => (float)v), m, n);
        var wf = new ReadOnlyMatrixView<float>(new float[n * Classes], n, Classes);
        float[] bf = new float[Classes], gbf = new float[Classes];
        var gwf = new MatrixView<float>(new float[n * Classes], n, Classes);
        var predicted = new int[m];

        void Call()
        {
            SoftmaxRegression.CostAndGradient(x, y, w, b, gw, gb, 0.5, 1);
            SoftmaxRegression.CostAndGradient(xf, y, wf, bf, gwf, gbf, 0.5f, 1);
            SoftmaxRegression.Predict(x, w, b, predicted);
        }

        for (int i = 0; i < 50; i++)
        {
            Call();
        }

        // The least of five rounds: a collection caused by tests on other threads may trim the shared array pool, and
        // the round in which that happens re-allocates the rented workspaces once. Anything allocated per call shows
        // in every round.
        long perCall = long.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++)
            {
                Call();
            }

            perCall = Math.Min(perCall, (GC.GetAllocatedBytesForCurrentThread() - before) / 50);
        }

        Assert.True(perCall < 256, $"{perCall} bytes per call");
    }
}
