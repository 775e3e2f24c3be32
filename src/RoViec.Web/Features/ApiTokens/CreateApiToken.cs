using Microsoft.EntityFrameworkCore;
using RoViec.Data;
using RoViec.Data.Entities;
using RoViec.Web.Shared.Outcomes;

namespace RoViec.Web.Features.ApiTokens;

/// <summary>
/// Create a personal API token for its owner. The token is returned once, to be shown once; only
/// its hash and a short prefix are stored.
/// </summary>
public static class CreateApiToken
{
    /// <summary>A bound on forgotten tokens: revoke an old one to make room.</summary>
    public const int MaxActivePerUser = 20;

    public const int MaxDays = 3650;

    public abstract record Result
    {
        private Result()
        {
        }

        public sealed record Created(ApiToken Row, string Token) : Result;

        /// <summary>Refused, with a Vietnamese message for one field ("name" or "expiresInDays").</summary>
        public sealed record Invalid(string Field, string Message) : Result, IRefused
        {
            public Refusal Refusal => Refusal.BadRequest;
        }
    }

    public static async Task<Result> RunAsync(RoViecDbContext db, Guid userId, string? name, int? expiresInDays, DateTime nowUtc, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) return new Result.Invalid("name", "Hãy đặt tên cho mã, để sau này biết mã dùng ở đâu (ví dụ: \"Đồng bộ cổng tỉnh\").");
        if (name.Length > 100) return new Result.Invalid("name", "Tên mã quá dài (tối đa 100 ký tự).");
        if (expiresInDays is < 1 or > MaxDays)
            return new Result.Invalid("expiresInDays", "Số ngày hiệu lực phải từ 1 đến 3.650, hoặc để trống nếu mã không hết hạn.");
        var active = await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAtUtc == null && (t.ExpiresAtUtc == null || t.ExpiresAtUtc > nowUtc), ct);
        if (active >= MaxActivePerUser)
            return new Result.Invalid("name", $"Bạn đã có {MaxActivePerUser} mã đang dùng. Hãy thu hồi mã không còn dùng rồi tạo mã mới.");

        var token = ApiTokenFormat.NewToken();
        var row = new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            Prefix = ApiTokenFormat.Prefix(token),
            TokenHash = ApiTokenFormat.Hash(token),
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = expiresInDays is { } days ? nowUtc.AddDays(days) : null,
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new Result.Created(row, token);
    }
}
