using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Simd.Cli.Data;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary>
/// <c>simd train --solver gd</c> reaches the <c>--solver normal</c> weights on the embedded data when given enough
/// iterations; the iteration count and the tolerance are derived from the data's spectrum, not guessed.
/// </summary>
public sealed class GradientDescentMatchesNormalEquationTests
{
    /// <summary>How close gradient descent must get, relative to ‖θ*‖.</summary>
    private const double Target = 1e-7;

    [Fact]
    public void Jacobi_eigenvalues_are_right_on_a_known_matrix()
    {
        // [[2, 1, 0], [1, 2, 0], [0, 0, 5]] has eigenvalues 1, 3, 5.
        double[] values = SymmetricEigenvalues.Of([2, 1, 0, 1, 2, 0, 0, 0, 5], 3);
        Assert.Equal([1, 3, 5], values.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Gd_and_normal_solvers_give_the_same_weights()
    {
        // With z-scored features (every column has mean 0) the cost J(w, b) = (1/2m)‖Zw + b − y‖² has the constant
        // Hessian H = diag(R, 1), R = ZᵀZ/m. From θ₀ = 0 gradient descent with step α gives θₖ − θ* = (I − αH)ᵏ(θ₀ − θ*),
        // so with α = 1/λmax(H) the error shrinks at least by ρ = 1 − λmin(H)/λmax(H) per update:
        // ‖θₖ − θ*‖ ≤ ρᵏ‖θ*‖. Choose k with ρᵏ ≤ Target. Rounding adds about cond(H)·ε‖θ*‖ to both solvers
        // (≈ 1e3 · 1e-16, far below Target), hence the tolerance (Target + 1e-10)·‖θ*‖.
        DataSet data = Diabetes.Load();
        double[] eigen = SymmetricEigenvalues.Of(Diabetes.CorrelationMatrix(data), data.FeatureCount);
        double lambdaMin = Math.Min(1, eigen[0]), lambdaMax = Math.Max(1, eigen[^1]);
        double alpha = 1 / lambdaMax;
        double rho = 1 - (lambdaMin / lambdaMax);
        int iterations = (int)Math.Ceiling(Math.Log(Target) / Math.Log(rho));
        Assert.InRange(iterations, 1, 200_000); // keeps the test fast; the diabetes spectrum needs about 10⁴

        JsonElement normal = InProcess.Run("train", "--json", "--solver", "normal").Json();
        JsonElement gd = InProcess.Run(
            "train", "--json", "--solver", "gd", "--iterations", iterations.ToString(CultureInfo.InvariantCulture),
            "--alpha", alpha.ToString("R", CultureInfo.InvariantCulture)).Json();
        Assert.Equal(iterations, gd.GetProperty("iterations").GetInt32());

        double[] thetaNormal = [.. normal.Doubles("scaledWeights"), normal.Number("scaledBias")];
        double[] thetaGd = [.. gd.Doubles("scaledWeights"), gd.Number("scaledBias")];
        double norm = Math.Sqrt(thetaNormal.Sum(v => v * v));
        double distance = Math.Sqrt(thetaNormal.Zip(thetaGd, (a, b) => (a - b) * (a - b)).Sum());
        double tolerance = (Target + 1e-10) * norm;
        Assert.True(distance <= tolerance, $"‖θ_gd − θ_normal‖ = {distance}, tolerance {tolerance} ({iterations} iterations, α = {alpha})");

        // In original units wⱼ = w̃ⱼ/σⱼ, so |Δwⱼ| ≤ ‖Δθ‖/σⱼ; b = b̃ − Σ w̃ⱼμⱼ/σⱼ, so |Δb| ≤ ‖Δθ‖(1 + Σ|μⱼ|/σⱼ).
        (double[] mean, double[] sigma) = Diabetes.Moments(data);
        double[] wNormal = normal.Doubles("weights"), wGd = gd.Doubles("weights");
        for (int j = 0; j < wNormal.Length; j++)
        {
            Assert.True(Math.Abs(wNormal[j] - wGd[j]) <= tolerance / sigma[j], $"{data.FeatureNames[j]}: {wGd[j]} vs {wNormal[j]}");
        }

        double biasBound = tolerance * (1 + mean.Zip(sigma, (mu, s) => Math.Abs(mu) / s).Sum());
        Assert.True(Math.Abs(normal.Number("bias") - gd.Number("bias")) <= biasBound);

        // The costs agree too: J(θ) − J(θ*) = ½ΔθᵀHΔθ ≤ ½λmax‖Δθ‖², plus rounding of the m-term cost sum (m·ε·J).
        double costBound = (0.5 * lambdaMax * tolerance * tolerance) + (data.Rows * 1.2e-16 * normal.Number("cost"));
        Assert.True(gd.Number("cost") - normal.Number("cost") <= costBound, $"{gd.Number("cost")} vs {normal.Number("cost")}");
        Assert.True(normal.Number("cost") - gd.Number("cost") <= data.Rows * 1.2e-16 * normal.Number("cost"), "nothing beats least squares");
    }
}
