using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RoViec.Web.Pages.Errors;

/// <summary>
/// The page shown for an error status (re-executed by the status-code middleware): a Vietnamese
/// explanation and nothing of the object that was refused.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class StatusModel(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet([Microsoft.AspNetCore.Mvc.FromRoute] int code) => Describe(code);

    public void OnPost([Microsoft.AspNetCore.Mvc.FromRoute] int code) => Describe(code);

    private void Describe(int code)
    {
        // A re-executed post may reach the page without its route value; the response still carries the original status.
        if (code == 0) code = Response.StatusCode;
        var (heading, message) = code switch
        {
            403 => ("Không có quyền truy cập", "Trang này thuộc phạm vi công việc của đơn vị hoặc vai trò khác. Nếu bạn cần xem, hãy liên hệ cơ quan thường trực hoặc quản trị viên."),
            404 => ("Không tìm thấy", "Không có trang hoặc dữ liệu này, hoặc nó không thuộc phạm vi của bạn."),
            405 => ("Thao tác không hợp lệ", "Trang này không nhận thao tác vừa gửi."),
            // Evidence of a report is limited per file, lower than a plan document.
            413 when HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath.StartsWith("/bao-cao", StringComparison.Ordinal) == true =>
                ("Tệp quá lớn", "Tệp minh chứng vượt quá giới hạn cho phép (tối đa 10 MB mỗi tệp); tệp chưa được đọc. Hãy nén hoặc chia nhỏ tệp."),
            413 => ("Tệp quá lớn", "Tệp gửi lên vượt quá giới hạn cho phép (tối đa 20 MB); tệp chưa được đọc. Hãy gửi tệp nhỏ hơn, ví dụ bỏ ảnh scan khỏi văn bản."),
            415 => ("Định dạng không hỗ trợ", "Chỉ nhận tệp DOCX, PDF hoặc TXT."),
            _ when code >= 500 => ("Lỗi hệ thống", "Đã có lỗi ngoài ý muốn; thay đổi của bạn chưa được lưu. Hãy thử lại hoặc báo quản trị viên."),
            _ => ("Yêu cầu không hợp lệ", $"Yêu cầu không thực hiện được (mã {code})."),
        };
        (Heading, Message) = (localizer[heading], localizer[message]);
        // Re-executed for the original request: keep its status code, do not turn it into 200.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
            Response.StatusCode = code;
    }
}
