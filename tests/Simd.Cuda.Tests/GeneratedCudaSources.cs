using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Simd;

namespace Simd.Cuda.Tests;

/// <summary>One generated kernel's device side, found by reflection: its definition and its scalar method.</summary>
internal sealed record GeneratedCudaKernel(MethodInfo Scalar, CudaKernelDefinition Definition)
{
    /// <summary>Every kernel of <paramref name="type"/> that got device overloads.</summary>
    public static IReadOnlyList<GeneratedCudaKernel> Of(Type type)
    {
        const BindingFlags all = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        var found = new List<GeneratedCudaKernel>();
        foreach (MethodInfo declared in type.GetMethods(all).Where(m => m.GetCustomAttribute<KernelAttribute>() is not null))
        {
            // A generic kernel has one device function per element type.
            MethodInfo[] instances = declared.IsGenericMethodDefinition
                ? [declared.MakeGenericMethod(typeof(float)), declared.MakeGenericMethod(typeof(double))]
                : [declared];
            foreach (MethodInfo method in instances)
            {
                FieldInfo? field = type.GetField($"__{method.Name}CudaKernel_{Signature(method)}", all);
                if (field?.GetValue(null) is CudaKernelDefinition definition)
                {
                    found.Add(new GeneratedCudaKernel(method, definition));
                }
            }
        }

        return found;
    }

    /// <summary>The generator's name for a kernel's shape: the element type and each parameter's kind (<c>float_RLU</c>).</summary>
    private static string Signature(MethodInfo method)
    {
        ParameterInfo[] parameters = method.GetParameters();
        Type first = parameters[0].ParameterType;
        string element = (first.IsByRef ? first.GetElementType()! : first) == typeof(double) ? "double" : "float";
        string kinds = string.Concat(parameters.Select(p => p.IsOut ? 'O' : p.ParameterType.IsByRef ? 'R' : p.GetCustomAttribute<UniformAttribute>() is not null ? 'U' : 'L'));
        return element + "_" + kinds;
    }

    /// <summary>
    /// Runs the scalar method and returns its outputs: the new value of each <c>ref</c> and <c>out</c> lane in
    /// parameter order, then the returned value (if any). An <c>out</c> lane's argument is ignored.
    /// </summary>
    public double[] Invoke(double[] arguments)
    {
        ParameterInfo[] parameters = Scalar.GetParameters();
        object[] boxed = new object[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            boxed[i] = Definition.IsDouble ? arguments[i] : (object)(float)arguments[i];
        }

        object? result = Scalar.Invoke(null, boxed);
        var outputs = new List<double>();
        for (int i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ParameterType.IsByRef)
            {
                outputs.Add(Definition.IsDouble ? (double)boxed[i] : (float)boxed[i]);
            }
        }

        if (Definition.ReturnsValue)
        {
            outputs.Add(Definition.IsDouble ? (double)result! : (float)result!);
        }

        return [.. outputs];
    }
}
