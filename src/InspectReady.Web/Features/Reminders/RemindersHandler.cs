using InspectReady.Web.Features.Shared.Paging;
using System.Net.Mail;
using InspectReady.Web.Data;
using InspectReady.Web.Domain.Access;
using InspectReady.Web.Domain.Notifications;
using InspectReady.Web.Domain.Organisation;
using InspectReady.Web.Features.Shared;
using InspectReady.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Reminders;

public sealed record ReminderEmailRequest(string? Email);

public sealed record ReminderEmailDto(string? Email);

public sealed record OutboxMessageDto(long Id, string Channel, string Recipient, string Subject, string Body, DateTime CreatedAt, DateTime? SentAt,
    int Attempts, string? LastError);

/// <summary>Where a user receives reminders by mail, running a sweep now, and what waits in the outbox.</summary>
public sealed class RemindersHandler(IDbContextFactory<AppDbContext> factory, ReminderSweep sweep)
{
    public static bool CanOperate(UserScope actor) => actor.IsInAnyRole(Roles.SystemAdmin, Roles.Office);

    public async Task<ReminderEmailDto> GetEmailAsync(UserScope actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        return new ReminderEmailDto(await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Email).FirstOrDefaultAsync());
    }

    /// <summary>
    /// Sets the address reminders are mailed to (empty clears it). Written directly: the identity manager would
    /// renew the security stamp and so end the user's sessions.
    /// </summary>
    public async Task<Outcome<ReminderEmailDto>> SetEmailAsync(UserScope actor, ReminderEmailRequest request)
    {
        var email = request.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            return Outcome<ReminderEmailDto>.Invalid("email", $"“{email}”不是有效的电子邮箱地址");
        }
        await using var db = await factory.CreateDbContextAsync();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId);
        if (user is null)
        {
            return Outcome<ReminderEmailDto>.NotFound();
        }
        var value = string.IsNullOrEmpty(email) ? null : email;
        user.Email = value;
        user.NormalizedEmail = value?.ToUpperInvariant();
        db.Record(actor, AuditActions.Update, $"用户 {actor.UserName} 提醒邮箱", detail: value is null ? "已清除" : "已设置");
        await db.SaveChangesAsync();
        return Outcome<ReminderEmailDto>.Ok(new ReminderEmailDto(value));
    }

    public async Task<Outcome<SweepResultDto>> SweepNowAsync(UserScope actor, CancellationToken ct)
    {
        if (!CanOperate(actor))
        {
            return Outcome<SweepResultDto>.Forbidden();
        }
        return Outcome<SweepResultDto>.Ok(await sweep.RunAsync(sweep.Today, ct));
    }

    /// <summary>
    /// Mobile numbers are masked (138****1234) unless <paramref name="reveal"/>, which only 创建办 may ask for (as
    /// for people, ADR 0018) and which is audited; 系统管理员 runs the queue with masked numbers.
    /// </summary>
    public async Task<Outcome<Paged<OutboxMessageDto>>> OutboxAsync(UserScope actor, string? channel, bool pendingOnly, bool reveal = false, PageRequest? page = null)
    {
        if (!CanOperate(actor) || (reveal && !actor.IsInRole(Roles.Office)))
        {
            return Outcome<Paged<OutboxMessageDto>>.Forbidden();
        }
        if (channel is not null && !OutboxChannels.All.Contains(channel))
        {
            return Outcome<Paged<OutboxMessageDto>>.Invalid("channel", $"渠道只能是：{string.Join("、", OutboxChannels.All)}");
        }
        await using var db = await factory.CreateDbContextAsync();
        var query = db.OutboxMessages.AsNoTracking();
        if (channel is not null)
        {
            query = query.Where(m => m.Channel == channel);
        }
        if (pendingOnly)
        {
            query = query.Where(m => m.SentAt == null);
        }
        var messages = await query.OrderByDescending(m => m.Id).ToPageAsync(page ?? PageRequest.First);
        if (reveal && messages.Items.Any(m => m.Channel == OutboxChannels.Sms))
        {
            db.Record(actor, AuditActions.Reveal, "发送队列 短信号码",
                detail: $"{messages.Items.Count(m => m.Channel == OutboxChannels.Sms)}条（第{messages.Page}页）");
            await db.SaveChangesAsync();
        }
        return Outcome<Paged<OutboxMessageDto>>.Ok(messages.Map(m => new OutboxMessageDto(m.Id, m.Channel,
            m.Channel == OutboxChannels.Sms && !reveal ? PhoneNumbers.Mask(m.Recipient)! : m.Recipient, m.Subject, m.Body, m.CreatedAt, m.SentAt,
            m.Attempts, m.LastError)));
    }
}
