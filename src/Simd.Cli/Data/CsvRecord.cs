using System.Collections.Generic;

namespace Simd.Cli.Data;

/// <summary>One row of a CSV file.</summary>
/// <param name="Fields">The cells in order.</param>
/// <param name="Line">1-based line the row starts on.</param>
/// <param name="EndColumn">1-based column just past the row's last character, where a missing cell would go.</param>
internal sealed record CsvRecord(IReadOnlyList<CsvField> Fields, int Line, int EndColumn);
