using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RoViec.Data;
using RoViec.Domain.SixRo;
using RoViec.Import;
using RoViec.Web.Shared.Access;
using RoViec.Web.Features.ApiTokens;

using RoViec.Web.Shared.Api;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.Plans;

/// <summary>The draft plan made from an uploaded document, to be reviewed at <c>ReviewUrl</c> and confirmed there.</summary>
public sealed record ImportDto(
    Guid PlanId,
    string Status,
    string FileName,
    string Kind,
    string? Number,
    string Title,
    int Year,
    int TaskCount,
    int IndicatorCount,
    int TasksWithSixRoDefects,
    string ReviewUrl);

/// <summary>
/// POST /api/imports: upload a plan document (multipart/form-data, field "file"). Refusals carry the
/// importer's Vietnamese message with 400, 413 or 415; a document over the limit is refused from its
/// Content-Length before its body is read. A readable document becomes a draft plan at once, through
/// the same use case as the import page (<see cref="PlanDrafts"/>).
/// </summary>
internal static class ImportsApi
{
    /// <summary>Room for the multipart boundaries and headers around the file itself.</summary>
    private const long MultipartAllowance = 64 * 1024;

    public static void Map(RouteGroupBuilder api) => api.MapPost("/imports", PostAsync)
        .RequireAuthorization(ApiTokenAuthentication.WritePolicy, Policies.ManagePlans)
        .WithTags("Nhập kế hoạch")
        .WithName("ImportPlan")
        .WithSummary("Nhập văn bản kế hoạch (DOCX, PDF, TXT)")
        .WithDescription("Gửi tệp trong trường `file` của multipart/form-data. Tệp được đọc ngay: tệp rỗng, hỏng, bản quét, sai bảng mã hay không phải kế hoạch trả về 400; "
            + "quá giới hạn (20 MB) trả về 413 trước khi đọc nội dung; định dạng khác DOCX/XLSX/PDF/TXT trả về 415 — kèm thông báo tiếng Việt của bộ đọc (`detail`) và mã lỗi (`code`). "
            + "Đọc được thì thành kế hoạch nháp (201, `Location` là /api/plans/{id}); cán bộ kiểm tra và xác nhận tại `reviewUrl`. Cần mã API và vai trò quản lý kế hoạch.")
        .Produces<ImportDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Tệp kế hoạch: .docx, .xlsx, .pdf hoặc .txt, tối đa 20 MB." },
                            },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });

    private static async Task<Results<Created<ImportDto>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpContext http, CurrentUser currentUser, RoViecDbContext db, Shared.Files.FileStore store, TimeProvider clock, CancellationToken ct)
    {
        var user = await currentUser.ScopeAsync(http.User, ct);
        if (user is not { ManagesPlans: true, CommuneId: { } communeId }) return ApiProblems.Refused(Refusal.Forbidden);
        var options = UploadPlan.Options(clock);
        var limit = options.MaxBytes + MultipartAllowance;
        // Refused from its declared size, before a byte of it is read.
        if (http.Request.ContentLength > limit) return Refuse(new FileTooLarge(http.Request.ContentLength.Value, options.MaxBytes));
        if (!http.Request.HasFormContentType || !http.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return ApiProblems.Refused(Refusal.UnsupportedType, "Hãy gửi tệp dạng multipart/form-data, trong trường \"file\" (send the document as multipart/form-data, field \"file\").");

        // A body without a declared size (chunked) is cut off at the limit while it is read.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = options.MaxBytes + 1, ValueCountLimit = 16 }));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return Refuse(new FileTooLarge(http.Request.ContentLength ?? limit, options.MaxBytes));
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null) return ApiProblems.Invalid("file", "Chưa có tệp: hãy gửi tệp kế hoạch trong trường \"file\" (no file in field \"file\").");
        switch (await UploadPlan.RunAsync(db, store, communeId, user.UserId, file, clock, ct))
        {
            case UploadPlan.Outcome.Refused refused:
                return Refuse(refused.Error);
            case UploadPlan.Outcome.Drafted { Plan: var plan, Draft: var draft, FileName: var fileName }:
                return TypedResults.Created($"/api/plans/{plan.Id}", new ImportDto(plan.Id, plan.Status, fileName, plan.Kind, plan.Number, plan.Title, plan.Year,
                    draft.Tasks.Count, draft.Indicators.Count, draft.Tasks.Count(t => SixRoCheck.Check(t).Count > 0), $"/nhap-ke-hoach/{plan.Id}"));
            default:
                throw new InvalidOperationException("unknown upload outcome");
        }
    }

    private static ProblemHttpResult Refuse(ImportError error) =>
        ApiProblems.Refused(new UploadPlan.Outcome.Refused(error), new Dictionary<string, object?> { ["code"] = error.Code, ["english"] = error.English });
}
