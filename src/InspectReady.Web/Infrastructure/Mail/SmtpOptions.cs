namespace InspectReady.Web.Infrastructure.Mail;

/// <summary>The <c>Smtp</c> section. Without a host no mail is sent and mail messages stay in the outbox.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }
    /// Seconds between two looks at the outbox.
    public int PollSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
