using System;

namespace Simd.Optimization;

/// <summary>
/// One parameter group of <see cref="Optimizer{T}.Step(System.Collections.Generic.IReadOnlyList{ParameterGroup{T}})"/>:
/// the parameters updated in place and their gradients, of equal length. Each group has its own optimizer state.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
/// <param name="Parameters">The parameters θ, updated in place.</param>
/// <param name="Gradients">The gradients ∂J/∂θ; must not share memory with any group's parameters.</param>
public readonly record struct ParameterGroup<T>(Memory<T> Parameters, ReadOnlyMemory<T> Gradients);
