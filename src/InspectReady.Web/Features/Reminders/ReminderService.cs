namespace InspectReady.Web.Features.Reminders;

/// <summary>
/// Runs the reminder sweep at start and then every <c>Reminders:IntervalMinutes</c> (60) on every node; the sweep's
/// keys make the extra passes harmless. <c>Reminders:Enabled=false</c> turns it off on a node.
/// </summary>
public sealed partial class ReminderService(ReminderSweep sweep, TimeProvider clock, IConfiguration configuration, ILogger<ReminderService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reminders:Enabled", true))
        {
            return;
        }
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Reminders:IntervalMinutes", 60)));
        // Let the host finish starting (migrations, bootstrap) before the first pass.
        if (!await WaitAsync(TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Reminders:StartDelaySeconds", 10))), stoppingToken))
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweep.RunAsync(sweep.Today, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed pass is retried at the next interval; its reminders are still unsent and still due.
                LogFailed(log, e);
            }
            if (!await WaitAsync(interval, stoppingToken))
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder sweep failed")]
    private static partial void LogFailed(ILogger logger, Exception error);

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
