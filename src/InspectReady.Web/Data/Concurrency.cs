using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Data;

/// <summary>
/// Optimistic concurrency on the aggregates whose state moves (task, campaign, supervision notice, case review, job):
/// each carries an integer <c>RowVersion</c> configured as a concurrency token and bumped by its own transitions, so
/// of two conflicting saves the second updates no row and fails; the handler answers 409 with <see cref="Message"/>.
/// </summary>
public static class Concurrency
{
    public const string Message = "该记录刚被他人修改或处理，本次操作未生效，请刷新后查看最新状态再操作";

    /// <summary>Saves; false when a row version no longer matches (nothing of this save is written).</summary>
    public static async Task<bool> TrySaveChangesAsync(this AppDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
