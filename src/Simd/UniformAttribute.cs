using System;

namespace Simd;

/// <summary>
/// Marks a kernel parameter as uniform: one scalar value shared by every element (broadcast to each
/// vector lane), instead of a lane that becomes a span in the generated overloads.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class UniformAttribute : Attribute
{
}
