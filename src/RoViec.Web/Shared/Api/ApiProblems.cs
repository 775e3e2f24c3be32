using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Shared.Api;

/// <summary>
/// The API's errors as RFC 9457 problem details with a Vietnamese title and detail (English in
/// brackets for integrators), for every status the API answers — its own and the framework's.
/// </summary>
public static class ApiProblems
{
    public const string UnauthorizedDetail =
        "Hãy gửi mã API trong tiêu đề \"Authorization: Bearer rv_…\" (tạo mã tại /tai-khoan/ma-api), hoặc đăng nhập trong trình duyệt để đọc.";

    public static string Title(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ (Bad Request)",
        401 => "Chưa xác thực (Unauthorized)",
        403 => "Không có quyền (Forbidden)",
        404 => "Không tìm thấy (Not Found)",
        405 => "Phương thức không được hỗ trợ (Method Not Allowed)",
        409 => "Xung đột phiên bản (Conflict)",
        413 => "Tệp quá lớn (Payload Too Large)",
        415 => "Định dạng không hỗ trợ (Unsupported Media Type)",
        >= 500 => "Lỗi hệ thống (Internal Server Error)",
        _ => "Yêu cầu không thực hiện được",
    };

    private static string DefaultDetail(int status) => status switch
    {
        400 => "Yêu cầu không đọc được: hãy kiểm tra các tham số và nội dung gửi lên.",
        401 => UnauthorizedDetail,
        403 => "Thao tác hoặc dữ liệu này thuộc phạm vi của đơn vị hoặc vai trò khác.",
        404 => "Không có dữ liệu hoặc địa chỉ này, hoặc nó không thuộc phạm vi của bạn.",
        405 => "Địa chỉ này không nhận phương thức vừa gửi.",
        413 => "Nội dung gửi lên vượt quá giới hạn cho phép.",
        415 => "Định dạng nội dung gửi lên không được nhận: dữ liệu gửi dạng JSON (application/json), tệp kế hoạch gửi dạng multipart/form-data.",
        >= 500 => "Đã có lỗi ngoài ý muốn; chưa có gì được lưu. Hãy thử lại hoặc báo quản trị viên.",
        _ => $"Yêu cầu không thực hiện được (mã {status}).",
    };

    public static ProblemHttpResult Problem(int status, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail ?? DefaultDetail(status), statusCode: status, title: Title(status), extensions: extensions);

    /// <summary>A refusal as a problem document, under the status <see cref="Refusals.Status"/> gives it.</summary>
    public static ProblemHttpResult Refused(Refusal refusal, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        Problem(Refusals.Status(refusal), detail, extensions);

    /// <summary>A use case's refused case as a problem document: its status, and its message as the detail.</summary>
    public static ProblemHttpResult Refused(IRefused refused, IDictionary<string, object?>? extensions = null) =>
        Refused(refused.Refusal, refused.Message, extensions);

    /// <summary>400 with Vietnamese messages per field: {"errors":{"name":["…"]}}.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, "Hãy sửa các trường được nêu trong \"errors\" rồi gửi lại.", title: "Dữ liệu chưa hợp lệ (Validation failed)");

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>An unexpected error of the API: 500 with the request's correlation id ("traceId"), never the exception's details.</summary>
    public static Task WriteErrorAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return Problem(500, extensions: new Dictionary<string, object?> { ["traceId"] = Correlation.Id(context) }).ExecuteAsync(context);
    }

    /// <summary>For the status-code middleware: an API error answered without a body (401 from the cookie, 404 of no route, 405…) gets a problem body.</summary>
    public static Task WriteStatusAsync(StatusCodeContext context) =>
        Problem(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext);
}
