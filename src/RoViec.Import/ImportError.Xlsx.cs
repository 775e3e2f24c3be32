namespace RoViec.Import;

public sealed record CorruptXlsx(string Detail) : ImportError("corrupt-xlsx",
    "Tệp Excel (.xlsx) bị hỏng hoặc không đầy đủ, không đọc được. Hãy mở bằng Excel, lưu lại rồi thử lại.",
    $"The .xlsx workbook is damaged or incomplete ({Detail}); open it in Excel, save it again and retry.");

public sealed record PasswordProtectedWorkbook() : ImportError("password-protected",
    "Tệp Excel được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu trong Excel (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi thử lại.",
    "The workbook is password-protected; remove the password in Excel and retry.");

public sealed record LegacyExcelFormat() : ImportError("legacy-xls",
    "Tệp Excel định dạng cũ (.xls) chưa được hỗ trợ. Hãy mở bằng Excel và lưu thành .xlsx.",
    "Old binary Excel (.xls) is not supported; save it as .xlsx.");

public sealed record NoTaskTable() : ImportError("no-task-table",
    "Không tìm thấy bảng nhiệm vụ trong tệp Excel: cần một dòng tiêu đề có cột \"Nội dung\" hoặc \"Nhiệm vụ\" (và các cột như TT, Chủ trì, Phối hợp, Sản phẩm, Thời hạn). Hãy dùng tệp mẫu \"Tải mẫu Excel\".",
    "No task table was found in the workbook: a header row with a \"Nội dung\" or \"Nhiệm vụ\" column is needed (with TT, Chủ trì, Phối hợp, Sản phẩm, Thời hạn); use the Excel template.");

public sealed record SheetTooLarge(string Sheet, string What, long Limit) : ImportError("sheet-too-large",
    $"Trang tính \"{Sheet}\" quá lớn (hơn {Limit.ToString("N0", Numbers.Vi)} {What}), không phải một bảng kế hoạch thông thường. Hãy xóa các dòng, cột thừa hoặc tách tệp.",
    $"Sheet \"{Sheet}\" is too large (more than {Limit.ToString("N0", Numbers.En)} {What switch { "dòng" => "rows", "cột" => "columns", _ => "cells" }}), far beyond a plan; delete the unused rows and columns or split the workbook.");

/// <summary>
/// Rows of a workbook whose cells cannot be right (an impossible date or quarter in the deadline column). The whole
/// workbook is refused, nothing is kept in part: the officer corrects the rows and uploads it again.
/// </summary>
public sealed record InvalidRows(IReadOnlyList<string> Problems) : ImportError("invalid-rows",
    $"Tệp Excel có {Problems.Count} dòng không hợp lệ, chưa nhập nhiệm vụ nào: {string.Join("; ", Problems.Take(10))}{(Problems.Count > 10 ? $"; và {Problems.Count - 10} dòng khác" : "")}. Hãy sửa rồi tải lên lại.",
    $"The workbook has {Problems.Count} invalid row(s), nothing was imported: {string.Join("; ", Problems.Take(10))}; correct them and upload again.");
