using System.Globalization;
using System.Security.Cryptography;
using InspectReady.Web.Domain.Common;
using Microsoft.AspNetCore.DataProtection;

namespace InspectReady.Web.Features.Exams;

/// <summary>Who an examinee token speaks for: one examinee of one exam, until the exam closes.</summary>
public sealed record ExamineeTicket(Guid ExamineeId, Guid ExamId, DateTime ExpiresAt);

/// <summary>
/// Examinee access tokens (ADR 0112): the examinee id, exam id and the exam's closing time, protected by ASP.NET Core
/// data protection (keys in the database, shared by every node) and prefixed <c>exm.</c>. They are sent as
/// <c>Authorization: Bearer exm.…</c>; they are no account session, so the identity bearer handler ignores them and
/// only the <c>/api/v1/me/exams</c> endpoints read them. Expiry is checked against the product's clock.
/// </summary>
public sealed class ExamineeTokens(IDataProtectionProvider protection, IChinaClock clock)
{
    public const string Prefix = "exm.";
    private readonly IDataProtector protector = protection.CreateProtector("InspectReady.Exams.ExamineeToken.v1");

    public string Issue(Guid examineeId, Guid examId, DateTime expiresAtUtc) =>
        Prefix + protector.Protect($"{examineeId:N}|{examId:N}|{expiresAtUtc.Ticks.ToString(CultureInfo.InvariantCulture)}");

    public ExamineeTicket? Read(string? token)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            var parts = protector.Unprotect(token[Prefix.Length..]).Split('|');
            var ticket = new ExamineeTicket(Guid.ParseExact(parts[0], "N"), Guid.ParseExact(parts[1], "N"),
                new DateTime(long.Parse(parts[2], CultureInfo.InvariantCulture), DateTimeKind.Utc));
            return ticket.ExpiresAt > clock.UtcNow ? ticket : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The ticket of the request's <c>Authorization: Bearer exm.…</c> header, if any and valid.</summary>
    public ExamineeTicket? Read(HttpContext ctx)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Read(header["Bearer ".Length..].Trim()) : null;
    }

    /// <summary>Eight characters without look-alikes (no 0/O, 1/I/L), about 40 bits.</summary>
    public static string NewAccessCode()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        return string.Create(8, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
            }
        });
    }

    public static string NormaliseCode(string? code) => new([.. (code ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit)]);
}
