using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>The module cache's keys and its load-once rule, without a GPU (the cached values are plain objects).</summary>
public sealed class ModuleCacheTests
{
    [Fact]
    public void Describing_the_same_kernel_twice_gives_the_same_key()
    {
        Assert.Equal(ModuleKey.Of(SampleKernels.Create("squared_difference", false)), ModuleKey.Of(SampleKernels.Create("squared_difference", false)));
        Assert.Equal(new ModuleKey("squared_difference_f32", SampleKernels.Create("squared_difference", false).DeviceSource, "Single", "LL"), ModuleKey.Of(SampleKernels.Create("squared_difference", false)));
        Assert.Equal("ULU", ModuleKey.Of(SampleKernels.Create("clamp_min_max", false)).Shape);
    }

    [Fact]
    public void Name_source_element_type_and_shape_each_separate_keys()
    {
        const string source = "static __device__ float f(float a, float b) { return a; }";
        ModuleKey key = ModuleKey.Of(new CudaKernelDefinition("f", source, false, [true, true]));

        Assert.NotEqual(key, ModuleKey.Of(new CudaKernelDefinition("g", source, false, [true, true])));
        Assert.NotEqual(key, ModuleKey.Of(new CudaKernelDefinition("f", source + " ", false, [true, true])));
        Assert.NotEqual(key, ModuleKey.Of(new CudaKernelDefinition("f", source, true, [true, true])));
        Assert.NotEqual(key, ModuleKey.Of(new CudaKernelDefinition("f", source, false, [true, false])));
    }

    [Fact]
    public void A_key_is_loaded_once_per_device_and_counted_per_key()
    {
        var cache = new ModuleCache<object>();
        ModuleKey a = ModuleKey.Of(SampleKernels.Create("squared_difference", false));
        ModuleKey b = ModuleKey.Of(SampleKernels.Create("squared_difference", true));
        int loads = 0;
        object Load() => new object[] { Interlocked.Increment(ref loads) };

        object first = cache.Get(a, 0, Load);
        Assert.Same(first, cache.Get(ModuleKey.Of(SampleKernels.Create("squared_difference", false)), 0, Load));
        Assert.NotSame(first, cache.Get(a, 1, Load));
        Assert.NotSame(first, cache.Get(b, 0, Load));

        Assert.Equal(3, loads);
        Assert.Equal(1, cache.LoadCount(a, 0));
        Assert.Equal(1, cache.LoadCount(a, 1));
        Assert.Equal(1, cache.LoadCount(b, 0));
        Assert.Equal(0, cache.LoadCount(b, 1));
    }

    [Fact]
    public void Sixteen_threads_asking_at_once_load_once()
    {
        var cache = new ModuleCache<object>();
        ModuleKey key = ModuleKey.Of(SampleKernels.Create("scaled_update", false));
        int loads = 0;
        using var start = new Barrier(16);

        object[] results = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return cache.Get(key, 0, () =>
            {
                Interlocked.Increment(ref loads);
                Thread.Sleep(20);
                return new object();
            });
        })).ToArray().Select(t => t.Result).ToArray();

        Assert.Equal(1, loads);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void A_load_that_fails_caches_nothing_and_the_next_request_tries_again()
    {
        var cache = new ModuleCache<object>();
        ModuleKey key = ModuleKey.Of(SampleKernels.Create("clamp_min_max", true));

        Assert.Equal("compile error", Assert.Throws<InvalidOperationException>(() => cache.Get(key, 0, () => throw new InvalidOperationException("compile error"))).Message);
        Assert.Equal(0, cache.LoadCount(key, 0));
        object loaded = cache.Get(key, 0, () => new object());
        Assert.Same(loaded, cache.Get(key, 0, () => throw new InvalidOperationException("not called")));
        Assert.Equal(1, cache.LoadCount(key, 0));
    }
}
