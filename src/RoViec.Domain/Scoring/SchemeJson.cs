using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoViec.Domain.Scoring;

/// <summary>Reads and writes schemes as JSON (camelCase names); a malformed document gives Vietnamese messages, not an exception.</summary>
public static class SchemeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The scheme, or null with the reasons (in Vietnamese) it cannot be read; it is not yet validated (<see cref="SchemeValidator"/>).</summary>
    public static SchemeDefinition? Parse(string json, out IReadOnlyList<string> errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            errors = ["Bộ tiêu chí trống: hãy dán hoặc tải lên nội dung JSON của bộ tiêu chí."];
            return null;
        }
        try
        {
            var scheme = JsonSerializer.Deserialize<SchemeDefinition>(json, Options);
            if (scheme is null)
            {
                errors = ["Nội dung JSON không phải là một bộ tiêu chí (cần một đối tượng có \"criteria\" và \"classes\")."];
                return null;
            }
            errors = [];
            return scheme;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (dòng {line + 1}, vị trí {(e.BytePositionInLine ?? 0) + 1}{(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $", tại {e.Path}")})" : "";
            var what = e.Message.Contains("required", StringComparison.OrdinalIgnoreCase)
                ? "thiếu trường bắt buộc (mỗi tiêu chí cần \"code\" và \"name\"; bộ tiêu chí cần \"criteria\" và \"classes\")"
                : "không đúng cú pháp JSON hoặc sai kiểu dữ liệu (số phải là số, danh sách phải là [ … ])";
            errors = [$"Không đọc được bộ tiêu chí: {what}{where}. / The scheme is not valid JSON for a scoring scheme: {e.Message}"];
            return null;
        }
    }

    public static string Write(SchemeDefinition scheme) => JsonSerializer.Serialize(scheme, Options);
}
