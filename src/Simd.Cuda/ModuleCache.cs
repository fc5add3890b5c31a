using System;
using System.Collections.Generic;

namespace Simd.Cuda;

/// <summary>
/// Loaded modules by (<see cref="ModuleKey"/>, device ordinal): the first request for a key loads it, every
/// later one finds it, and concurrent first requests load it once. A load that throws caches nothing.
/// </summary>
/// <typeparam name="TModule">What is cached (a <see cref="CudaModule"/>; something simpler in tests).</typeparam>
internal sealed class ModuleCache<TModule>
    where TModule : class
{
    private readonly Dictionary<(ModuleKey Key, int Ordinal), TModule> modules = [];
    private readonly Dictionary<(ModuleKey Key, int Ordinal), int> loads = [];
    private readonly object gate = new();

    /// <summary>The module for <paramref name="key"/> on device <paramref name="ordinal"/>, calling <paramref name="load"/> on first use.</summary>
    /// <param name="key">What identifies the module.</param>
    /// <param name="ordinal">The device ordinal.</param>
    /// <param name="load">Compiles and loads the module; called only when it is not cached.</param>
    public TModule Get(ModuleKey key, int ordinal, Func<TModule> load)
    {
        lock (gate)
        {
            if (!modules.TryGetValue((key, ordinal), out TModule? module))
            {
                // Loading under the lock keeps one compilation per key; modules are few and compile once.
                module = load();
                modules.Add((key, ordinal), module);
                loads[(key, ordinal)] = LoadCount(key, ordinal) + 1;
            }

            return module;
        }
    }

    /// <summary>How many times <paramref name="key"/> was loaded on device <paramref name="ordinal"/>: 0 or 1.</summary>
    /// <param name="key">The key.</param>
    /// <param name="ordinal">The device ordinal.</param>
    public int LoadCount(ModuleKey key, int ordinal)
    {
        lock (gate)
        {
            return loads.TryGetValue((key, ordinal), out int count) ? count : 0;
        }
    }
}
