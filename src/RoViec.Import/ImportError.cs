namespace RoViec.Import;

/// <summary>
/// Why a document was refused, in Vietnamese for the officer and English for everyone else.
/// Each says what is wrong and what to do. The CLI maps every one of them to exit code 2.
/// </summary>
public abstract record ImportError(string Code, string Vietnamese, string English)
{
    /// <summary>The message as one line: details quoted from exceptions can carry line breaks.</summary>
    public string OneLine => string.Join(' ', $"{Vietnamese} ({English})".Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

public sealed record EmptyFile() : ImportError("empty-file",
    "Tệp rỗng, không có nội dung. Hãy chọn đúng tệp kế hoạch.",
    "The file is empty; choose the plan document itself.");

public sealed record FileTooLarge(long Size, long Limit) : ImportError("too-large",
    $"Tệp quá lớn ({Numbers.Mb(Size, Numbers.Vi)} MB, giới hạn {Numbers.Mb(Limit, Numbers.Vi)} MB). Hãy bỏ ảnh hoặc tách tệp, hoặc tăng giới hạn bằng --max-size.",
    $"The file is {Numbers.Mb(Size, Numbers.En)} MB, over the {Numbers.Mb(Limit, Numbers.En)} MB limit; remove images, split it, or raise --max-size.");

public sealed record EndlessInputTooLarge(long Limit) : ImportError("too-large",
    $"Tệp không có kích thước xác định (thiết bị hoặc luồng) và đã vượt quá giới hạn {Limit / 1048576} MB. Hãy chọn một tệp văn bản thật, hoặc tăng giới hạn bằng --max-size.",
    $"The input has no known size (a device or a pipe) and went past the {Limit / 1048576} MB limit; choose a real document file, or raise --max-size.");

public sealed record DocumentPartTooLarge(string Part, long Size, long Limit, string Extension = ".docx") : ImportError("too-large",
    $"Nội dung tệp {Extension} quá lớn ({Part} giải nén ra {Size / 1048576.0:0.#} MB, giới hạn {Limit / 1048576} MB). Hãy tách tệp, hoặc tăng giới hạn bằng --max-size.",
    $"The {Extension} part {Part} expands to {Size / 1048576.0:0.#} MB, over the {Limit / 1048576} MB limit; split the document or raise --max-size.");

public sealed record CorruptDocx(string Detail) : ImportError("corrupt-docx",
    "Tệp .docx bị hỏng hoặc không đầy đủ, không đọc được. Hãy mở bằng Word, lưu lại rồi thử lại.",
    $"The .docx file is damaged or incomplete ({Detail}); open it in Word, save it again and retry.");

public sealed record SuspiciousArchive(string Detail, string Extension = ".docx") : ImportError("zip-bomb",
    $"Tệp {Extension} có nội dung giải nén bất thường (nghi là tệp độc hại), đã từ chối.",
    $"The {Extension} expands to an abnormal size ({Detail}) and looks like a zip bomb; refused.");

public sealed record PasswordProtected() : ImportError("password-protected",
    "Tệp được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu trong Word (Tệp > Thông tin > Bảo vệ tài liệu) rồi thử lại.",
    "The document is password-protected; remove the password in Word and retry.");

public sealed record PasswordProtectedPdf() : ImportError("password-protected-pdf",
    "Tệp PDF được bảo vệ bằng mật khẩu. Hãy dùng tệp .docx gốc hoặc xuất lại PDF không đặt mật khẩu.",
    "The PDF is password-protected; use the original .docx or export the PDF again without a password.");

public sealed record LegacyWordFormat() : ImportError("legacy-doc",
    "Tệp Word định dạng cũ (.doc) chưa được hỗ trợ. Hãy mở bằng Word và lưu thành .docx.",
    "Old binary Word (.doc) is not supported; save it as .docx.");

public sealed record CorruptPdf(string Detail) : ImportError("corrupt-pdf",
    "Tệp PDF bị hỏng, không đọc được. Hãy xuất lại PDF từ tệp gốc.",
    $"The PDF is damaged ({Detail}); export it again from the original.");

public sealed record ScannedPdf() : ImportError("scanned-pdf",
    "Tệp PDF là bản quét (ảnh), không có lớp chữ để đọc. Hãy dùng tệp .docx gốc hoặc PDF xuất từ Word.",
    "The PDF is a scan with no text layer; use the original .docx or a PDF exported from Word.");

public sealed record UnknownEncoding() : ImportError("unknown-encoding",
    "Không nhận ra bảng mã của tệp văn bản (không phải UTF-8, UTF-16, TCVN3 hay VNI). Hãy lưu lại tệp với bảng mã Unicode UTF-8.",
    "The text file's encoding is not recognised (not UTF-8, UTF-16, TCVN3 or VNI); save it as UTF-8.");

public sealed record UnsupportedFormat(string Extension) : ImportError("unsupported-format",
    $"Định dạng tệp \"{Extension}\" chưa được hỗ trợ. Hãy dùng .docx, .xlsx, .pdf hoặc .txt.",
    $"The \"{Extension}\" format is not supported; use .docx, .xlsx, .pdf or .txt.");

public sealed record NoYear() : ImportError("no-year",
    "Văn bản không ghi năm của kế hoạch nên chưa xác định được thời hạn của các nhiệm vụ. Hãy chọn năm của kế hoạch (--year).",
    "The document names no year, so its deadlines cannot be dated; give the plan's year (--year).");

public sealed record NotAPlan() : ImportError("not-a-plan",
    "Tệp không phải kế hoạch, chương trình công tác hay quyết định ban hành kế hoạch (không thấy số hiệu hay tiêu đề kế hoạch, nhiệm vụ hay chỉ tiêu nào). Hãy kiểm tra lại tệp đã chọn.",
    "This does not look like a work programme or plan (no plan number or title, no tasks or targets found); check the file.");

public sealed record FileNotFound(string Path) : ImportError("not-found",
    $"Không tìm thấy tệp \"{Path}\".",
    $"File \"{Path}\" not found.");

public sealed record DocumentTooLong(int Limit) : ImportError("too-long",
    $"Văn bản quá dài (hơn {Limit.ToString("N0", Numbers.Vi)} ký tự), không phải một kế hoạch thông thường. Hãy tách thành nhiều tệp.",
    $"The document has more than {Limit.ToString("N0", Numbers.En)} characters of text, far beyond a plan; split it into several files.");

public sealed record DocumentTooComplex() : ImportError("too-complex",
    "Văn bản quá lớn hoặc quá phức tạp để xử lý trong giới hạn bộ nhớ. Hãy tách thành nhiều tệp nhỏ hơn.",
    "The document is too large or complex to process within the memory limit; split it into smaller files.");

/// <summary>Numbers in messages: "12,5" for Vietnamese readers, "12.5" in the English half.</summary>
internal static class Numbers
{
    public static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
    public static readonly System.Globalization.CultureInfo En = System.Globalization.CultureInfo.InvariantCulture;

    public static string Mb(long bytes, System.Globalization.CultureInfo culture) => (bytes / 1048576.0).ToString("0.#", culture);
}

public sealed record FileUnreadable(string Path, string Detail) : ImportError("unreadable",
    $"Không đọc được tệp \"{Path}\" (tệp đang bị khóa hoặc không có quyền đọc). Hãy đóng tệp trong chương trình khác hoặc kiểm tra quyền rồi thử lại.",
    $"Cannot read \"{Path}\" ({Detail}); close it in other programs or check permissions, then retry.");
