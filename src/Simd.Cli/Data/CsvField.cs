namespace Simd.Cli.Data;

/// <summary>One cell of a CSV file as written (quotes removed), with where it starts.</summary>
/// <param name="Text">The cell's text; <c>""</c> inside quotes already unescaped to <c>"</c>.</param>
/// <param name="Line">1-based line of the cell's first character.</param>
/// <param name="Column">1-based character column of the cell's first character (the opening quote if quoted).</param>
internal readonly record struct CsvField(string Text, int Line, int Column);
