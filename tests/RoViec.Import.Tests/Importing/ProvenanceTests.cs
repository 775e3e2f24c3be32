using RoViec.Domain.Tasks;
using RoViec.Domain.Text;

namespace RoViec.Import.Tests.Importing;

/// <summary>Every extracted field points at the source text it came from.</summary>
public sealed class ProvenanceTests
{
    public static TheoryData<string> Samples => [.. FixturePaths.Samples];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_task_field_span_covers_text_that_contains_the_value(string sample)
    {
        var draft = Assert.IsType<ImportOutcome.Imported>(PlanImporter.ImportFile(FixturePaths.Dir("seeds", sample + ".txt"))).Draft;

        foreach (var task in draft.Tasks)
        {
            Assert.Contains(TaskField.Name, task.Spans.Keys);
            // A cell wrapped onto the next table row has one span from its first to its last piece.
            var nameText = Fold(Text(draft.SourceText, task.Spans[TaskField.Name]));
            var words = Fold(task.Name).Split(' ');
            Assert.StartsWith(string.Join(' ', words.Take(3)), nameText, StringComparison.Ordinal);
            Assert.EndsWith(string.Join(' ', words.TakeLast(2)), nameText, StringComparison.Ordinal);
            if (task.Output is not null)
                Assert.Contains(FirstWords(task.Output, 3), Fold(Text(draft.SourceText, task.Spans[TaskField.Output])), StringComparison.Ordinal);
            if (task.DeadlineRaw is not null)
                Assert.Contains(FirstWords(task.DeadlineRaw, 2), Fold(Text(draft.SourceText, task.Spans[TaskField.Deadline])), StringComparison.Ordinal);
            if (task.Lead.Count > 0)
                Assert.Contains(Fold(task.Lead[0].AsWritten).Split(' ')[0], Fold(Text(draft.SourceText, task.Spans[TaskField.Lead])), StringComparison.Ordinal);
        }
        foreach (var indicator in draft.Indicators)
        {
            var number = new string(indicator.TargetRaw.Where(char.IsDigit).Take(2).ToArray());
            Assert.Contains(number, Text(draft.SourceText, indicator.TargetSpan), StringComparison.Ordinal);
        }
    }

    private static string Text(string source, SourceSpan span) => source.Substring(span.Start, span.Length);

    private static string Fold(string s) => VietnameseText.Fold(s);

    private static string FirstWords(string s, int n) => string.Join(' ', Fold(s).Split(' ').Take(n));
}
