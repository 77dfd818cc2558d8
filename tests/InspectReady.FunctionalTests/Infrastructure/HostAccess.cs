using InspectReady.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InspectReady.FunctionalTests.Infrastructure;

/// <summary>
/// Arrangements no user can make over HTTP (time passing beyond a deadline) and the host's own services
/// (the reminder sweep for a chosen day).
/// </summary>
public static class HostAccess
{
    public static T Service<T>(this AppFactory factory) where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>Lets a deadline pass without waiting for it: the task's deadline is moved.</summary>
    public static async Task SetDeadlineAsync(this AppFactory factory, Guid taskId, DateOnly deadline)
    {
        await using var db = await factory.Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Tasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Deadline, deadline)));
        // A bulk update bypasses the change tracker: tell the read models (ADR 0022).
        factory.Service<CampaignStamps>().BumpAll();
    }

    /// <summary>
    /// Test-only seeding: the account's administrator-set password counts as changed, so a scenario that is not
    /// about the first sign-in can use it at once.
    /// </summary>
    public static async Task SeedPasswordChangedAsync(this AppFactory factory, Guid userId)
    {
        await using var db = await factory.Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, false)));
    }

    /// <summary>Today as the product reads it: the Beijing date, whatever the test host's zone.</summary>
    public static DateOnly Today => InspectReady.Web.Domain.Common.ChinaTime.Today(TimeProvider.System);
}
