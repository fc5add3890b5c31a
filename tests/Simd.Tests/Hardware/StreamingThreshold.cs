using System;
using Simd.Drivers;
using Simd.Hardware;
using Xunit;

namespace Simd.Tests.Hardware;

/// <summary>
/// The tests of the map driver's streamed loop: they run it at <see cref="StreamingStores.FromBytes"/> on every
/// processor (on one whose default is never to stream, too), one at a time and with no other test running, since the
/// threshold is process-wide.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StreamingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Streamed stores";
}

/// <summary>Sets <see cref="MapDriver.StreamingBytes"/> to 1 MiB for as long as it lives, then back to the default.</summary>
public sealed class StreamingThreshold : IDisposable
{
    /// <summary>Sets the threshold to <see cref="StreamingStores.FromBytes"/>.</summary>
    public StreamingThreshold() => MapDriver.StreamingBytes = StreamingStores.FromBytes;

    /// <summary>The threshold in force: <see cref="StreamingStores.FromBytes"/>.</summary>
    public static int Bytes => StreamingStores.FromBytes;

    /// <inheritdoc/>
    public void Dispose() => MapDriver.StreamingBytes = StreamingStores.DefaultThresholdBytes;
}
