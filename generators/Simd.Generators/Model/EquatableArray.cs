using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Simd.Generators.Model
{
    /// <summary>
    /// An immutable array with value equality, so that models holding lists compare equal when their
    /// contents do and the incremental pipeline can cache them.
    /// </summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IEnumerable<T>
        where T : IEquatable<T>
    {
        private readonly ImmutableArray<T> items;

        public EquatableArray(ImmutableArray<T> items) => this.items = items;

        public static EquatableArray<T> Empty => new EquatableArray<T>(ImmutableArray<T>.Empty);

        public int Count => items.IsDefault ? 0 : items.Length;

        public T this[int index] => items[index];

        public ImmutableArray<T> AsImmutableArray() => items.IsDefault ? ImmutableArray<T>.Empty : items;

        public bool Equals(EquatableArray<T> other) => AsImmutableArray().AsSpan().SequenceEqual(other.AsImmutableArray().AsSpan());

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            int hash = 17;
            foreach (T item in AsImmutableArray())
            {
                hash = (hash * 31) + (item?.GetHashCode() ?? 0);
            }

            return hash;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Creation helpers for <see cref="EquatableArray{T}"/>.</summary>
    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new EquatableArray<T>(items.ToImmutableArray());
    }
}
