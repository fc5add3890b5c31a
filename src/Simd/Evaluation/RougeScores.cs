namespace Simd.Evaluation;

/// <summary>The four ROUGE measures summarisation papers report, for one prediction or averaged over a corpus.</summary>
/// <param name="Rouge1">Unigram overlap (rouge-score's <c>rouge1</c>).</param>
/// <param name="Rouge2">Bigram overlap (<c>rouge2</c>).</param>
/// <param name="RougeL">Longest common subsequence of the whole texts, newlines ignored (<c>rougeL</c>).</param>
/// <param name="RougeLsum">Summary-level LCS: the union LCS of each reference sentence against every predicted sentence, sentences separated by newlines (<c>rougeLsum</c>).</param>
public sealed record RougeScores(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL, RougeScore RougeLsum)
{
    /// <summary>The four measures in the order rouge1, rouge2, rougeL, rougeLsum, with rouge-score's names.</summary>
    /// <returns>Name and score pairs.</returns>
    public (string Name, RougeScore Score)[] ToArray() =>
        [("rouge1", Rouge1), ("rouge2", Rouge2), ("rougeL", RougeL), ("rougeLsum", RougeLsum)];
}
