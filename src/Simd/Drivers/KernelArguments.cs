using System;

namespace Simd.Drivers;

/// <summary>
/// The argument checks every generated overload performs before it calls a driver, so that bad input
/// fails with an exception naming the parameter instead of reading or writing out of bounds.
/// </summary>
public static class KernelArguments
{
    /// <summary>Throws unless <paramref name="lane"/> is as long as <paramref name="first"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="first">The kernel's first lane, whose length is the number of elements.</param>
    /// <param name="firstName">Its parameter name.</param>
    /// <param name="lane">Another lane.</param>
    /// <param name="laneName">Its parameter name, reported in the exception.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void RequireSameLength<T>(ReadOnlySpan<T> first, string firstName, ReadOnlySpan<T> lane, string laneName)
    {
        if (lane.Length != first.Length)
        {
            throw new ArgumentException(
                $"Lane '{laneName}' has {lane.Length} elements but lane '{firstName}' has {first.Length}; every lane of a kernel must have the same length.",
                laneName);
        }
    }

    /// <summary>Throws unless <paramref name="destination"/> holds at least <paramref name="length"/> elements.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="length">The number of elements the kernel produces.</param>
    /// <param name="destination">Where they go; a longer destination is allowed and only its first <paramref name="length"/> elements are written.</param>
    /// <param name="destinationName">Its parameter name.</param>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public static void RequireDestination<T>(int length, Span<T> destination, string destinationName)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException(
                $"Destination '{destinationName}' has {destination.Length} elements but the inputs have {length}; it must be at least as long as the inputs.",
                destinationName);
        }
    }

    /// <summary>
    /// Throws when <paramref name="destination"/> overlaps <paramref name="input"/> at a different start:
    /// writing the result would then overwrite inputs not yet read. The same start (in-place) is allowed.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="input">An input lane.</param>
    /// <param name="inputName">Its parameter name.</param>
    /// <param name="destination">The destination (or the <see langword="ref"/> lane) being written.</param>
    /// <param name="destinationName">Its parameter name, reported in the exception.</param>
    /// <exception cref="ArgumentException">The spans overlap at different offsets.</exception>
    public static void RequireNoPartialOverlap<T>(ReadOnlySpan<T> input, string inputName, ReadOnlySpan<T> destination, string destinationName)
        => Overlap.RequireSeparateOrInPlace(input, inputName, destination, destinationName);

    /// <summary>
    /// Throws when two outputs of a kernel share any memory: each output needs a buffer of its own, since the values
    /// written to one would otherwise overwrite the other's.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="first">An output.</param>
    /// <param name="firstName">Its parameter name.</param>
    /// <param name="second">Another output.</param>
    /// <param name="secondName">Its parameter name, reported in the exception.</param>
    /// <exception cref="ArgumentException">The spans overlap.</exception>
    public static void RequireDisjoint<T>(ReadOnlySpan<T> first, string firstName, ReadOnlySpan<T> second, string secondName)
    {
        if (Overlap.Shares(first, second))
        {
            throw new ArgumentException(
                $"Outputs '{firstName}' and '{secondName}' share memory; each output of a kernel needs a buffer of its own.",
                secondName);
        }
    }

    /// <summary>Throws when a minimum or maximum is asked of no elements.</summary>
    /// <param name="length">The number of elements.</param>
    /// <param name="laneName">The first lane's parameter name, reported in the exception.</param>
    /// <param name="operation">The overload's name, such as <c>DistanceMin</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="length"/> is zero.</exception>
    public static void RequireNotEmpty(int length, string laneName, string operation)
    {
        if (length == 0)
        {
            throw new ArgumentException(
                $"{operation} of an empty span is undefined: lane '{laneName}' has no elements.",
                laneName);
        }
    }
}
