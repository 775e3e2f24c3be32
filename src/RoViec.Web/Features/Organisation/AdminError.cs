namespace RoViec.Web.Features.Organisation;

/// <summary>
/// A refused change to the organisation or to an account, with the form field it concerns (empty
/// for the whole form) and the Vietnamese sentence shown beside it. Pages answer 400, or 409 for
/// <see cref="InUse"/>.
/// </summary>
public abstract record AdminError(string Field, string Message);

public sealed record DuplicateUnitName(string Name) : AdminError("Name", $"Xã đã có đơn vị tên \"{Name}\".");

public sealed record UnknownParent() : AdminError("ParentId", "Đơn vị cấp trên không thuộc xã này.");

public sealed record ParentCycle() : AdminError("ParentId", "Không thể đặt đơn vị dưới chính nó hoặc dưới một đơn vị cấp dưới của nó.");

public sealed record UnknownKind() : AdminError("Kind", "Hãy chọn loại đơn vị trong danh sách.");

public sealed record NotInCatalogue() : AdminError("Key", "Đơn vị này không có trong danh mục hoặc xã đã có.");

public sealed record InUse(string Name, int Tasks, int Users, int Others)
    : AdminError("", $"Không xóa được \"{Name}\": đơn vị đang chủ trì {Tasks} nhiệm vụ, có {Users} người dùng và {Others} liên kết khác. Hãy ngừng hoạt động đơn vị thay vì xóa.");

public sealed record UnitGone() : AdminError("", "Đơn vị này vừa bị người khác xóa.");
