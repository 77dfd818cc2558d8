using InspectReady.Web.Data;
using InspectReady.Web.Domain.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InspectReady.Web.Infrastructure.Mail;

/// <summary>
/// Drains the outbox's mail messages through SMTP when <c>Smtp:Host</c> is set. Each message is claimed with a lease
/// by a conditional update first, so several nodes never send the same message; a failure is recorded and retried
/// later with a growing pause, up to <see cref="OutboxMessage.MaxAttempts"/> times.
/// </summary>
public sealed partial class SmtpOutboxSender(IDbContextFactory<AppDbContext> factory, IOptions<SmtpOptions> options, TimeProvider clock,
    ILogger<SmtpOutboxSender> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtp = options.Value;
        if (!smtp.Enabled)
        {
            return;
        }
        LogEnabled(log, smtp.Host!, smtp.Port);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, smtp.PollSeconds)), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogDrainFailed(log, e);
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, smtp.PollSeconds)), clock, stoppingToken);
            }
        }
    }

    /// <summary>Sends every due mail message once; answers how many went out.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var smtp = options.Value;
        var sent = 0;
        while (true)
        {
            var batch = await ClaimAsync(20, ct);
            if (batch.Count == 0)
            {
                return sent;
            }
            using var client = new SmtpClient();
            string? connectError = null;
            try
            {
                await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocketOptions.Auto, ct);
                if (!string.IsNullOrEmpty(smtp.User))
                {
                    await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
                }
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
                or MailKit.Security.AuthenticationException or SslHandshakeException or SmtpCommandException)
            {
                connectError = $"连接邮件服务器失败：{e.Message}";
            }
            foreach (var message in batch)
            {
                string? error = connectError;
                if (error is null)
                {
                    try
                    {
                        await client.SendAsync(Build(message, smtp), ct);
                    }
                    catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException or ParseException or FormatException)
                    {
                        error = e.Message;
                    }
                }
                await RecordAsync(message.Id, error, ct);
                if (error is null)
                {
                    sent++;
                }
            }
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, ct);
            }
            if (connectError is not null)
            {
                LogNotSent(log, connectError);
                return sent;
            }
        }
    }

    private static MimeMessage Build(OutboxMessage message, SmtpOptions smtp)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From ?? $"inspectready@{smtp.Host}"));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };
        return mail;
    }

    /// <summary>Takes up to <paramref name="count"/> unsent messages whose lease is free, each by an atomic conditional update.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int count, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == OutboxChannels.Mail && m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts
                && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Take(count).ToListAsync(ct);
        var claimed = new List<OutboxMessage>();
        var until = now.Add(Lease);
        foreach (var m in candidates)
        {
            var previous = m.ClaimedUntil;
            var won = await db.OutboxMessages
                .Where(x => x.Id == m.Id && x.SentAt == null && x.ClaimedUntil == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntil, until), ct);
            if (won == 1)
            {
                claimed.Add(m);
            }
        }
        return claimed;
    }

    private async Task RecordAsync(long id, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var message = await db.OutboxMessages.FirstAsync(m => m.Id == id, ct);
        if (error is null)
        {
            message.Sent(now);
        }
        else
        {
            message.Failed(error, now);
            LogFailed(log, id, error);
        }
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail from the outbox goes through {Host}:{Port}")]
    private static partial void LogEnabled(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "Draining the mail outbox failed")]
    private static partial void LogDrainFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail not sent: {Error}")]
    private static partial void LogNotSent(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, long id, string error);
}
