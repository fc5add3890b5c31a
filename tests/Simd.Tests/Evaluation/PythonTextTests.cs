using Simd.Evaluation;
using Xunit;

namespace Simd.Tests.Evaluation;

public sealed class PythonTextTests
{
    [Theory]
    // Python 3: format(x, '.nf'), the exact binary value rounded half to even.
    [InlineData(6.25, 1, "6.2")]
    [InlineData(6.75, 1, "6.8")]
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(2.675, 2, "2.67")]  // 2.675 is stored just below 2.675
    [InlineData(1.5, 0, "2")]
    [InlineData(2.5, 0, "2")]
    [InlineData(99.96, 1, "100.0")]
    [InlineData(48.530827009929, 2, "48.53")]
    [InlineData(0.0, 3, "0.000")]
    [InlineData(-1.25, 1, "-1.2")]
    [InlineData(1e-20, 2, "0.00")]
    public void Fixed_rounds_as_python(double value, int digits, string text) => Assert.Equal(text, PythonText.Fixed(value, digits));

    [Theory]
    [InlineData("a\u001cb", "a b")]   // Python's split() treats U+001C–U+001F as white space
    [InlineData("a\u00a0b", "a b")]
    [InlineData("a\u200bb", "a\u200bb")] // zero-width space is not white space
    public void Spaces_are_pythons(string text, string normalized) => Assert.Equal(normalized, PythonText.NormalizeSpaces(text));

    [Fact]
    public void Right_strip_is_pythons() => Assert.Equal("a b", PythonText.TrimEnd("a b \t\u001f\r"));
}
