using System;
using System.Collections.Generic;

namespace Simd.Cuda;

/// <summary>
/// The device side of one <c>[Kernel]</c>: the name and CUDA C text of its <c>__device__</c> function and which
/// of its parameters are lanes. The Simd generator creates one per kernel, once (a static field), and passes
/// it to <see cref="CudaKernels"/>; the module compiled from it is cached per device.
/// </summary>
/// <remarks>
/// The device function takes every parameter as the element type, in the C# parameter order (lanes and
/// uniforms alike), and returns the mapped value (for a kernel with a <c>ref</c> lane: that lane's new value).
/// It is compiled after <see cref="Templates.CudaPrelude.Text"/> and a <c>typedef</c> of <c>simd_t</c> to the
/// element type, so it may use the prelude's helpers (<c>simd_min</c>, <c>simd_max</c>, <c>simd_exp</c>…);
/// names starting with <c>simd_</c> are reserved for the prelude and the templates.
/// </remarks>
public sealed class CudaKernelDefinition
{
    private readonly bool[] parameterIsLane;

    /// <summary>Describes a kernel's device function.</summary>
    /// <param name="name">The <c>__device__</c> function's name: a C identifier not starting with <c>simd_</c>.</param>
    /// <param name="deviceSource">Complete CUDA C text defining the function (and any helpers it needs).</param>
    /// <param name="isDouble">Whether the element type is <see langword="double"/> (otherwise <see langword="float"/>).</param>
    /// <param name="parameterIsLane">For each parameter in order: <see langword="true"/> for a lane (an array), <see langword="false"/> for a uniform (a scalar). At least one lane.</param>
    /// <exception cref="ArgumentException">The name is not a C identifier or is reserved, the source is empty, or there is no lane.</exception>
    public CudaKernelDefinition(string name, string deviceSource, bool isDouble, bool[] parameterIsLane)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(deviceSource);
        ArgumentNullException.ThrowIfNull(parameterIsLane);
        if (!IsIdentifier(name))
        {
            throw new ArgumentException($"'{name}' is not a C identifier (letters, digits and '_', not starting with a digit).", nameof(name));
        }

        if (name.StartsWith("simd_", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' starts with 'simd_', which is reserved for the CUDA prelude and kernel templates.", nameof(name));
        }

        if (string.IsNullOrWhiteSpace(deviceSource))
        {
            throw new ArgumentException($"The device source of '{name}' is empty.", nameof(deviceSource));
        }

        if (Array.IndexOf(parameterIsLane, true) < 0)
        {
            throw new ArgumentException($"Kernel '{name}' has no lane parameter; at least one parameter must be a lane so the kernel has a length.", nameof(parameterIsLane));
        }

        Name = name;
        DeviceSource = deviceSource;
        IsDouble = isDouble;
        this.parameterIsLane = (bool[])parameterIsLane.Clone();
        foreach (bool isLane in this.parameterIsLane)
        {
            if (isLane)
            {
                LaneCount++;
            }
            else
            {
                UniformCount++;
            }
        }
    }

    /// <summary>The <c>__device__</c> function's name.</summary>
    public string Name { get; }

    /// <summary>The CUDA C text defining it.</summary>
    public string DeviceSource { get; }

    /// <summary>Whether the element type is <see langword="double"/>.</summary>
    public bool IsDouble { get; }

    /// <summary>The element type: <see langword="float"/> or <see langword="double"/>.</summary>
    public Type ElementType => IsDouble ? typeof(double) : typeof(float);

    /// <summary>For each parameter in order, whether it is a lane.</summary>
    public IReadOnlyList<bool> ParameterIsLane => parameterIsLane;

    /// <summary>The number of lane parameters.</summary>
    public int LaneCount { get; }

    /// <summary>The number of uniform parameters.</summary>
    public int UniformCount { get; }

    /// <summary>The function name.</summary>
    public override string ToString() => Name;

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
