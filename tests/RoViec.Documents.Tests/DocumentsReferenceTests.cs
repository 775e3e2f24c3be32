namespace RoViec.Documents.Tests;

/// <summary>The toolkits know nothing of the database, the web or the reports: they reference only the file libraries.</summary>
public sealed class DocumentsReferenceTests
{
    [Fact]
    public void The_toolkits_reference_only_the_base_library_and_the_file_libraries()
    {
        var references = typeof(RoViec.Documents.Word.WordParts).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("DocumentFormat.OpenXml", references);
        Assert.All(references, name => Assert.True(
            name is "System.Runtime" or "netstandard" or "mscorlib" or "MiniExcel" || name.StartsWith("System.", StringComparison.Ordinal)
                || name.StartsWith("DocumentFormat.OpenXml", StringComparison.Ordinal),
            $"RoViec.Documents tham chiếu {name} (references {name})"));
    }
}
