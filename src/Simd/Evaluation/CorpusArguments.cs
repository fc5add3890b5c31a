using System;
using System.Collections.Generic;

namespace Simd.Evaluation;

/// <summary>The checks every corpus-level metric makes on its predictions and reference streams.</summary>
internal static class CorpusArguments
{
    /// <summary>Throws (naming the caller's parameter <paramref name="predictionsName"/>) unless there is at least one prediction and one stream, every stream is as long as the predictions and no prediction is null.</summary>
    public static void Check(IReadOnlyList<string> predictions, IReadOnlyList<IReadOnlyList<string>> referenceStreams, string predictionsName, bool referencesMayBeNull = false)
    {
        ArgumentNullException.ThrowIfNull(predictions, predictionsName);
        ArgumentNullException.ThrowIfNull(referenceStreams);
        if (predictions.Count == 0)
        {
            throw new ArgumentException($"There are no {predictionsName}: a corpus score needs at least one text.", predictionsName);
        }

        for (int i = 0; i < predictions.Count; i++)
        {
            if (predictions[i] is null)
            {
                throw new ArgumentNullException(predictionsName, $"{predictionsName}[{i}] is null.");
            }
        }

        if (referenceStreams.Count == 0)
        {
            throw new ArgumentException("There are no reference streams: give at least one, with one reference per prediction.", nameof(referenceStreams));
        }

        for (int k = 0; k < referenceStreams.Count; k++)
        {
            IReadOnlyList<string> stream = referenceStreams[k] ?? throw new ArgumentNullException(nameof(referenceStreams), $"referenceStreams[{k}] is null.");
            if (stream.Count != predictions.Count)
            {
                throw new ArgumentException(
                    $"referenceStreams[{k}] has {stream.Count} texts but there are {predictions.Count} {predictionsName}: every stream needs one reference per text, in the same order.",
                    nameof(referenceStreams));
            }

            if (!referencesMayBeNull)
            {
                for (int i = 0; i < stream.Count; i++)
                {
                    if (stream[i] is null)
                    {
                        throw new ArgumentNullException(nameof(referenceStreams), $"referenceStreams[{k}][{i}] is null.");
                    }
                }
            }
        }
    }
}
