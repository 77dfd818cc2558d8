namespace InspectReady.Web.Domain.Notifications;

/// <summary>
/// A message for a gateway to deliver (SMS or mail). Written in the same transaction as the event it reports;
/// a sender drains it and records each attempt.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 5;

    public long Id { get; set; }
    public required string Channel { get; set; }
    /// A mobile number for sms, an address for mail.
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// A sender's lease: another node leaves the message alone until then.
    public DateTime? ClaimedUntil { get; set; }

    public bool GaveUp => SentAt is null && Attempts >= MaxAttempts;

    public void Sent(DateTime now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
        ClaimedUntil = null;
    }

    public void Failed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        // Back off: the next try waits longer after every failure.
        ClaimedUntil = now.AddMinutes(Math.Pow(2, Attempts));
    }
}

public static class OutboxChannels
{
    public const string Sms = "sms";
    public const string Mail = "mail";

    public static readonly IReadOnlyList<string> All = [Sms, Mail];
}
