using System.Globalization;
using System.Text.RegularExpressions;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Features.Budgets;

/// <summary>Money and sources as people type and read them: "1.500.000" or "1500000" đồng; "Ngân sách xã" …</summary>
public static partial class BudgetText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The Vietnamese name of a source (a resource key: pages show it through <c>L[…]</c>).</summary>
    public static string SourceLabel(string source) => source switch
    {
        BudgetSources.Commune => "Ngân sách xã",
        BudgetSources.Province => "Ngân sách tỉnh",
        BudgetSources.Socialised => "Xã hội hóa",
        BudgetSources.Other => "Khác",
        _ => source,
    };

    /// <summary>A source as a form sends it: its key, or its Vietnamese name; null when it is none of them.</summary>
    public static string? ParseSource(string? text)
    {
        var value = (text ?? "").Trim();
        return BudgetSources.All.FirstOrDefault(s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(SourceLabel(s), value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// An amount of đồng as typed: plain digits ("1500000") or thousands separated by dots ("1.500.000"), an optional
    /// "đ"/"đồng" after it. Null and the reason when it is not one, or is negative.
    /// </summary>
    public static decimal? ParseMoney(string? text, out Sentence? error)
    {
        error = null;
        var value = (text ?? "").Trim();
        value = Unit().Replace(value, "").Replace(" ", "", StringComparison.Ordinal);
        if (value.Length == 0)
        {
            error = "Hãy nhập số tiền (đồng).";
            return null;
        }
        var negative = value.StartsWith('-');
        var digits = negative ? value[1..] : value;
        if (!Amount().IsMatch(digits))
        {
            error = "Số tiền phải là số đồng, viết liền hoặc có dấu chấm ngăn cách hàng nghìn, ví dụ 1.500.000.";
            return null;
        }
        if (negative)
        {
            error = "Số tiền không được âm.";
            return null;
        }
        var parsed = decimal.Parse(digits.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
        if (parsed > MaxAmount)
        {
            error = "Số tiền quá lớn.";
            return null;
        }
        return parsed;
    }

    /// <summary>Below the 20-digit columns (precision 20, 2).</summary>
    public const decimal MaxAmount = 999_999_999_999_999m;

    /// <summary>VND as Vietnamese write it ("1.500.000"), for sentences stored and read in Vietnamese.</summary>
    public static string Money(decimal value) => value.ToString("#,0", Vietnamese);

    /// <summary>VND the reader's way ("1.500.000" / "1,500,000").</summary>
    public static string Shown(decimal value) => value.ToString("#,0", Numbers.Culture);

    /// <summary>Disbursed over allocated, in percent to two decimals; null when nothing is allocated.</summary>
    public static decimal? Rate(decimal disbursed, decimal allocated) => allocated <= 0 ? null : Math.Round(disbursed * 100m / allocated, 2);

    [GeneratedRegex(@"(đồng|đ|vnđ|vnd)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unit();

    [GeneratedRegex(@"^(\d{1,3}(\.\d{3})+|\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
