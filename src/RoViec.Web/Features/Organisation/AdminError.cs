using RoViec.Web.Shared.Outcomes;
namespace RoViec.Web.Features.Organisation;

/// <summary>
/// A refused change to the organisation or to an account, with the form field it concerns (empty
/// for the whole form) and the Vietnamese sentence shown beside it. A bad request, except a conflict for
/// <see cref="InUse"/> and the merge refusals that depend on other rows (<see cref="MergeReportClash"/>, <see cref="MergeRaced"/>),
/// and not found for a row someone else removed meanwhile.
/// </summary>
public abstract record AdminError(string Field, string Message) : IRefused
{
    public virtual Refusal Refusal => Refusal.BadRequest;
}

public sealed record DuplicateUnitName(string Name) : AdminError("Name", $"Xã đã có đơn vị tên \"{Name}\".");

public sealed record UnknownParent() : AdminError("ParentId", "Đơn vị cấp trên không thuộc xã này.");

public sealed record ParentCycle() : AdminError("ParentId", "Không thể đặt đơn vị dưới chính nó hoặc dưới một đơn vị cấp dưới của nó.");

public sealed record UnknownKind() : AdminError("Kind", "Hãy chọn loại đơn vị trong danh sách.");

public sealed record NotInCatalogue() : AdminError("Key", "Đơn vị này không có trong danh mục hoặc xã đã có.");

public sealed record InUse(string Name, int Tasks, int Users, int Others)
    : AdminError("", $"Không xóa được \"{Name}\": đơn vị đang chủ trì {Tasks} nhiệm vụ, có {Users} người dùng và {Others} liên kết khác. Hãy ngừng hoạt động đơn vị thay vì xóa.")
{
    public override Refusal Refusal => Refusal.Conflict;
}

public sealed record UnitGone() : AdminError("", "Đơn vị này vừa bị người khác xóa.")
{
    public override Refusal Refusal => Refusal.NotFound;
}

public sealed record MergeTargetMissing() : AdminError("MergeInto", "Hãy chọn đơn vị để gộp vào.");

public sealed record MergeIntoItself() : AdminError("MergeInto", "Không thể gộp một đơn vị vào chính nó.");

public sealed record MergeIntoDescendant(string Name) : AdminError("MergeInto", $"Không thể gộp một đơn vị vào \"{Name}\", một đơn vị cấp dưới của nó.");

public sealed record MergeAcrossCommunes() : AdminError("MergeInto", "Chỉ gộp được vào một đơn vị của cùng xã.");

public sealed record MergeIntoInactive(string Name) : AdminError("MergeInto", $"Không gộp được vào \"{Name}\" vì đơn vị này đã ngừng hoạt động; hãy cho đơn vị đó hoạt động trở lại hoặc chọn đơn vị khác.");

public sealed record MergeIntoNonUnit(string Name) : AdminError("MergeInto", $"\"{Name}\" là một nhóm hoặc một tên chưa phân loại, không phải một đơn vị; hãy chọn một đơn vị của xã.");

public sealed record MergeTooManyAliases(string Name) : AdminError("MergeInto", $"Không gộp được: \"{Name}\" đã có quá nhiều tên gọi khác (tối đa 2.000 ký tự); hãy bớt tên khác của đơn vị đó trước.");

/// <summary>Both units already report in a period, and a unit has one report per period: answered 409.</summary>
public sealed record MergeReportClash(string Source, string Target, string Period)
    : AdminError("MergeInto", $"Không gộp được: cả \"{Source}\" và \"{Target}\" đều đã có báo cáo kỳ {Period}, mà mỗi đơn vị chỉ có một báo cáo mỗi kỳ. Hãy thống nhất hai báo cáo đó trước rồi gộp lại; chưa có gì thay đổi.")
{
    public override Refusal Refusal => Refusal.Conflict;
}

/// <summary>The target got a report of one of those periods while the merge was saved: answered 409.</summary>
public sealed record MergeRaced()
    : AdminError("MergeInto", "Không gộp được vì báo cáo của một trong hai đơn vị vừa thay đổi trong lúc gộp; chưa có gì thay đổi. Hãy tải lại trang và thử lại.")
{
    public override Refusal Refusal => Refusal.Conflict;
}
