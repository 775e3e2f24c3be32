using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RoViec.Web.Shared.Errors;

/// <summary>
/// The page shown for an error status (re-executed by the status-code middleware): a Vietnamese
/// explanation and nothing of the object that was refused.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class StatusModel(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";
    /// <summary>For an unexpected error: the id the administrator finds in the server's log (<see cref="Api.Correlation"/>).</summary>
    public string? CorrelationId { get; private set; }

    public void OnGet([Microsoft.AspNetCore.Mvc.FromRoute] int code) => Describe(code);

    public void OnPost([Microsoft.AspNetCore.Mvc.FromRoute] int code) => Describe(code);

    private void Describe(int code)
    {
        // A re-executed post may reach the page without its route value; the response still carries the original status.
        if (code == 0) code = Response.StatusCode;
        (Heading, Message) = code switch
        {
            403 => (L["Không có quyền truy cập"].Value, L["Trang này thuộc phạm vi công việc của đơn vị hoặc vai trò khác. Nếu bạn cần xem, hãy liên hệ cơ quan thường trực hoặc quản trị viên."].Value),
            404 => (L["Không tìm thấy"].Value, L["Không có trang hoặc dữ liệu này, hoặc nó không thuộc phạm vi của bạn."].Value),
            405 => (L["Thao tác không hợp lệ"].Value, L["Trang này không nhận thao tác vừa gửi."].Value),
            // Evidence of a report is limited per file, lower than a plan document.
            413 when HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath.StartsWith("/bao-cao", StringComparison.Ordinal) == true =>
                (L["Tệp quá lớn"].Value, L["Tệp minh chứng vượt quá giới hạn cho phép (tối đa 10 MB mỗi tệp); tệp chưa được đọc. Hãy nén hoặc chia nhỏ tệp."].Value),
            413 => (L["Tệp quá lớn"].Value, L["Tệp gửi lên vượt quá giới hạn cho phép (tối đa 20 MB); tệp chưa được đọc. Hãy gửi tệp nhỏ hơn, ví dụ bỏ ảnh scan khỏi văn bản."].Value),
            415 => (L["Định dạng không hỗ trợ"].Value, L["Chỉ nhận tệp DOCX, PDF hoặc TXT."].Value),
            // The sign-in form's limit per address (Features/Accounts/SignInThrottle).
            429 when HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath.StartsWith("/dang-nhap", StringComparison.Ordinal) == true =>
                (L["Quá nhiều lần đăng nhập"].Value, L["Có quá nhiều lần đăng nhập từ địa chỉ này trong một phút. Hãy chờ một phút rồi thử lại."].Value),
            429 => (L["Quá nhiều yêu cầu"].Value, L["Có quá nhiều yêu cầu từ địa chỉ này trong thời gian ngắn. Hãy chờ một lát rồi thử lại."].Value),
            _ when code >= 500 => (L["Lỗi hệ thống"].Value, L["Đã có lỗi ngoài ý muốn; thay đổi của bạn chưa được lưu. Hãy thử lại hoặc báo quản trị viên."].Value),
            _ => (L["Yêu cầu không hợp lệ"].Value, L["Yêu cầu không thực hiện được (mã {0}).", code].Value),
        };
        if (code >= 500) CorrelationId = Api.Correlation.Id(HttpContext);
        // Re-executed for the original request: keep its status code, do not turn it into 200.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
            Response.StatusCode = code;
    }
}
