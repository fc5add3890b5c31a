using System;
using System.Collections.Generic;
using System.Linq;

namespace Simd.Cuda;

/// <summary>
/// The device side of one <c>[Kernel]</c>: the name and CUDA C text of its <c>__device__</c> function and what
/// each of its parameters is. The Simd generator creates one per kernel, once (a static field), and passes
/// it to <see cref="CudaKernels"/>; the module compiled from it is cached per device.
/// </summary>
/// <remarks>
/// <para>The device function takes every parameter in the C# parameter order: a read lane or a uniform as the
/// element type, a <c>ref</c> or <c>out</c> lane as <c>simd_t&amp;</c> (holding the element's value for a
/// <c>ref</c> lane; the function leaves the new value there). It returns the element type when the kernel
/// returns a value (written to the map's destination, or reduced), and <c>void</c> otherwise. The constructor
/// taking <see cref="bool"/> flags describes a kernel whose lanes are all read and which returns its value.</para>
/// <para>It is compiled after <see cref="Templates.CudaPrelude.Text"/> and a <c>typedef</c> of <c>simd_t</c> to the
/// element type, so it may use the prelude's helpers (<c>simd_min</c>, <c>simd_max</c>, <c>simd_exp</c>…);
/// names starting with <c>simd_</c> are reserved for the prelude and the templates.</para>
/// </remarks>
public sealed class CudaKernelDefinition
{
    private readonly bool[] parameterIsLane;
    private readonly CudaKernelParameter[] parameters;
    private readonly bool named;

    /// <summary>Describes a kernel's device function.</summary>
    /// <param name="name">The <c>__device__</c> function's name: a C identifier not starting with <c>simd_</c>.</param>
    /// <param name="deviceSource">Complete CUDA C text defining the function (and any helpers it needs).</param>
    /// <param name="isDouble">Whether the element type is <see langword="double"/> (otherwise <see langword="float"/>).</param>
    /// <param name="parameterIsLane">For each parameter in order: <see langword="true"/> for a lane (an array), <see langword="false"/> for a uniform (a scalar). At least one lane.</param>
    /// <exception cref="ArgumentException">The name is not a C identifier or is reserved, the source is empty, or there is no lane.</exception>
    public CudaKernelDefinition(string name, string deviceSource, bool isDouble, bool[] parameterIsLane)
        : this(name, deviceSource, isDouble, FromFlags(parameterIsLane), returnsValue: true, named: false, nameof(parameterIsLane))
    {
    }

    /// <summary>Describes a kernel's device function with named parameters of every kind: read, <c>ref</c> and <c>out</c> lanes and uniforms.</summary>
    /// <param name="name">The <c>__device__</c> function's name: a C identifier not starting with <c>simd_</c>.</param>
    /// <param name="deviceSource">Complete CUDA C text defining the function (and any helpers it needs).</param>
    /// <param name="isDouble">Whether the element type is <see langword="double"/> (otherwise <see langword="float"/>).</param>
    /// <param name="parameters">Each parameter in order: its C# name, which error messages quote, and its kind. At least one lane.</param>
    /// <param name="returnsValue">Whether the device function returns a value (otherwise it returns <c>void</c> and writes its <c>ref</c> and <c>out</c> lanes).</param>
    /// <exception cref="ArgumentException">The name is not a C identifier or is reserved, the source is empty, a parameter has no name or an unknown kind, there is no lane, or the kernel has no output.</exception>
    public CudaKernelDefinition(string name, string deviceSource, bool isDouble, CudaKernelParameter[] parameters, bool returnsValue)
        : this(name, deviceSource, isDouble, Copy(parameters), returnsValue, named: true, nameof(parameters))
    {
    }

    private CudaKernelDefinition(string name, string deviceSource, bool isDouble, CudaKernelParameter[] parameters, bool returnsValue, bool named, string parametersName)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(deviceSource);
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

        for (int i = 0; i < parameters.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(parameters[i].Name))
            {
                throw new ArgumentException($"Parameter {i} of kernel '{name}' has no name.", parametersName);
            }

            if (!Enum.IsDefined(parameters[i].Kind))
            {
                throw new ArgumentException($"Parameter '{parameters[i].Name}' of kernel '{name}' has the unknown kind {(int)parameters[i].Kind}.", parametersName);
            }
        }

        if (!Array.Exists(parameters, p => p.IsLane))
        {
            throw new ArgumentException($"Kernel '{name}' has no lane parameter; at least one parameter must be a lane so the kernel has a length.", parametersName);
        }

        if (!returnsValue && !Array.Exists(parameters, p => p.IsWritten))
        {
            throw new ArgumentException($"Kernel '{name}' has no output; it must return a value or have a ref or out lane.", nameof(returnsValue));
        }

        Name = name;
        DeviceSource = deviceSource;
        IsDouble = isDouble;
        ReturnsValue = returnsValue;
        this.parameters = parameters;
        this.named = named;
        parameterIsLane = parameters.Select(p => p.IsLane).ToArray();
        LaneCount = parameterIsLane.Count(isLane => isLane);
        UniformCount = parameterIsLane.Length - LaneCount;
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

    /// <summary>Each parameter in order: its name and kind (for the constructor taking flags: <c>lane{i}</c> or <c>uniform{i}</c>, read lanes and uniforms).</summary>
    public IReadOnlyList<CudaKernelParameter> Parameters => parameters;

    /// <summary>Whether the device function returns a value: written to a map's destination, or reduced. A kernel that does not writes only its <c>ref</c> and <c>out</c> lanes.</summary>
    public bool ReturnsValue { get; }

    /// <summary>Whether any lane is written (a <c>ref</c> or <c>out</c> lane).</summary>
    public bool WritesLanes => Array.Exists(parameters, p => p.IsWritten);

    /// <summary>The number of lane parameters (read, <c>ref</c> and <c>out</c> lanes).</summary>
    public int LaneCount { get; }

    /// <summary>The number of uniform parameters.</summary>
    public int UniformCount { get; }

    /// <summary>The function name.</summary>
    public override string ToString() => Name;

    /// <summary>
    /// How error messages refer to lane <paramref name="lane"/> (counting lanes only): by its quoted name for a
    /// definition with named parameters, by its index otherwise.
    /// </summary>
    /// <param name="lane">The lane's position among the lane parameters.</param>
    internal string LaneLabel(int lane) => named ? $"'{LaneParameter(lane).Name}'" : lane.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The parameter name an <see cref="ArgumentException"/> about lane <paramref name="lane"/> carries.</summary>
    /// <param name="lane">The lane's position among the lane parameters.</param>
    /// <param name="fallback">The name for a definition without named parameters.</param>
    internal string LaneArgumentName(int lane, string fallback) => named ? LaneParameter(lane).Name : fallback;

    /// <summary>The lane parameter at position <paramref name="lane"/> among the lanes.</summary>
    /// <param name="lane">The lane's position among the lane parameters.</param>
    internal CudaKernelParameter LaneParameter(int lane)
    {
        int seen = 0;
        foreach (CudaKernelParameter parameter in parameters)
        {
            if (parameter.IsLane && seen++ == lane)
            {
                return parameter;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(lane));
    }

    private static CudaKernelParameter[] FromFlags(bool[] parameterIsLane)
    {
        ArgumentNullException.ThrowIfNull(parameterIsLane);
        return parameterIsLane.Select((isLane, i) => new CudaKernelParameter(isLane ? $"lane{i}" : $"uniform{i}", isLane ? CudaParameterKind.Lane : CudaParameterKind.Uniform)).ToArray();
    }

    private static CudaKernelParameter[] Copy(CudaKernelParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return (CudaKernelParameter[])parameters.Clone();
    }

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
