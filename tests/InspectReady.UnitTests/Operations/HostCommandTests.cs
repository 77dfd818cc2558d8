using InspectReady.Web.Infrastructure.Operations;

namespace InspectReady.UnitTests.Operations;

public sealed class HostCommandTests
{
    [Fact]
    public void The_commands_own_words_are_taken_out_of_the_hosts_configuration_arguments()
    {
        Assert.True(HostCommands.Is(["backup", "--to", "/x"]));
        Assert.True(HostCommands.Is(["restore", "--from", "/x", "--force"]));
        Assert.False(HostCommands.Is(["seed-demo"]));
        Assert.False(HostCommands.Is([]));
        Assert.Equal(["--Database:Provider=Postgres"], HostCommands.HostArgs(["backup", "--to", "/x", "--include-keys", "--Database:Provider=Postgres"]));
        Assert.Empty(HostCommands.HostArgs(["restore", "--from", "/x", "--force"]));
        Assert.Equal(["--urls", "http://x"], HostCommands.HostArgs(["--urls", "http://x"]));
    }

    [Fact]
    public void The_backup_schedule_is_a_daily_china_time_or_off()
    {
        Assert.Null(BackupSchedule.Parse(null));
        Assert.Null(BackupSchedule.Parse(" "));
        Assert.Equal(new TimeOnly(2, 30), BackupSchedule.Parse("02:30"));
        Assert.Equal(new TimeOnly(2, 30), BackupSchedule.Parse("daily 2:30"));
        var e = Assert.Throws<InvalidOperationException>(() => BackupSchedule.Parse("每天"));
        Assert.Contains("Backup:Schedule", e.Message);
    }
}
