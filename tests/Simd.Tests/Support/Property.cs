using System;
using FsCheck;
using FsCheck.Fluent;

namespace Simd.Tests.Support;

/// <summary>Runs an FsCheck property and fails the xunit test with the counterexample.</summary>
internal static class Property
{
    public static void Check<T>(Arbitrary<T> arbitrary, Action<T> assertion, int maxTest = 150)
        => Prop.ForAll(arbitrary, assertion).Check(Config.QuickThrowOnFailure.WithMaxTest(maxTest));
}
