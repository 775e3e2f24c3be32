using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RoViec.Web.Shared.Api;

/// <summary>
/// The OpenAPI description at /openapi/v1.json: only the /api endpoints, a Vietnamese title and
/// introduction, and the bearer scheme of personal API tokens declared and required.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";
    public const string BearerScheme = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        // Pages, health and the Excel download are not part of the API.
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "RoViec API",
                Version = "v1",
                Description = Introduction,
            };
            // The resources in the order a newcomer needs them, each with a line of its own.
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "rv_…",
                Description = "Mã API cá nhân (personal API token), tạo tại /tai-khoan/ma-api. Gửi trong tiêu đề `Authorization: Bearer rv_…`. Mã mang đúng vai trò và phạm vi của người tạo.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is OpenApiResponse concrete && int.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out var code))
                    concrete.Description = Describe(code);
            }
            return Task.CompletedTask;
        });
    }

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Tài khoản", "Người đang gọi API và phạm vi của họ."),
        ("Kế hoạch", "Kế hoạch, chương trình công tác của xã."),
        ("Nhiệm vụ", "Nhiệm vụ của kế hoạch đang thực hiện: tìm, đọc, sửa."),
        ("Chỉ tiêu", "Chỉ tiêu và giá trị mục tiêu."),
        ("Đơn vị", "Các phòng, ban, đơn vị của xã."),
        ("Nhập kế hoạch", "Đưa văn bản kế hoạch (DOCX, PDF, TXT) vào để kiểm tra."),
    ];

    private static string Describe(int status) => status switch
    {
        200 => "Thành công (OK)",
        201 => "Đã tạo (Created)",
        400 => "Dữ liệu chưa hợp lệ, thông báo theo từng trường (Bad Request)",
        _ => ApiProblems.Title(status),
    };

    private const string Introduction = """
        Các thao tác của RoViec qua REST: đọc phạm vi của mình, kế hoạch, nhiệm vụ, chỉ tiêu, đơn vị; sửa nhiệm vụ; nhập văn bản kế hoạch.

        **Xác thực (authentication).** Tích hợp dùng mã API cá nhân: tạo tại trang *Tài khoản → Mã API* (`/tai-khoan/ma-api`), mã chỉ hiện một lần, rồi gửi `Authorization: Bearer rv_…`. Mã làm việc với đúng vai trò và phạm vi của người tạo: người báo cáo của đơn vị chỉ thấy nhiệm vụ của đơn vị mình. Mã bị thu hồi, hết hạn, hoặc của tài khoản đang bị khóa đều bị từ chối (401). Trình duyệt đã đăng nhập có thể *đọc* API bằng phiên đăng nhập; mọi thao tác *ghi* (PUT, POST) bắt buộc dùng mã API để trang web khác không thể gửi thay người dùng (CSRF).

        **Lỗi (errors).** Mọi lỗi trả về dạng `application/problem+json` (RFC 9457) với tiêu đề và giải thích tiếng Việt; lỗi dữ liệu (400) có thông báo theo từng trường trong `errors`, ví dụ `{"errors":{"name":["Nội dung nhiệm vụ không được để trống."]}}`. 404 nghĩa là không có hoặc không thuộc phạm vi của bạn; 403 là dữ liệu của đơn vị hoặc vai trò khác; 409 là người khác vừa lưu (đọc lại, lấy `currentVersion`, rồi gửi lại).

        **Người dùng cấp tỉnh** chọn xã bằng tham số `xa` (mã xã); nếu không, xã đầu tiên theo tên.
        """;
}
