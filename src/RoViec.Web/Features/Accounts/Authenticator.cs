using System.Text;
using QRCoder;

namespace RoViec.Web.Features.Accounts;

/// <summary>
/// What an authenticator app needs to enrol: the otpauth:// address (as a QR code drawn on the
/// server as inline SVG, no script and no image request) and the same key as text in groups of four.
/// </summary>
public static class Authenticator
{
    public const string Issuer = "RoViec";

    /// <summary>The key URI format the authenticator apps read (Google's "Key Uri Format").</summary>
    public static string OtpAuthUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>"ABCD EFGH IJKL …": easier to type by hand than one long string.</summary>
    public static string GroupedKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString();
    }

    /// <summary>The QR code as an SVG element that scales to its container (viewBox, no fixed size).</summary>
    public static string QrSvg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>A code as typed: "123 456" or "123-456" is "123456".</summary>
    public static string NormaliseCode(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
