using Microsoft.AspNetCore.Mvc;
using RoViec.Data;

namespace RoViec.Web.Features.CrossChecks;

/// <summary>
/// "Kết quả kiểm tra chéo không xác nhận" on a unit's page: the lines of the unit the inspection committee did not
/// confirm. The page that shows it has already decided the reader may see the unit.
/// </summary>
public sealed class UnitFlagsViewComponent(RoViecDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid unitId) =>
        View("/Features/CrossChecks/_UnitFlags.cshtml", await CrossCheckFlags.ForUnitAsync(db, unitId, HttpContext.RequestAborted));
}
