using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Features.Shared.Paging;

/// <summary>
/// The page contract of every list endpoint: <c>?page=&amp;pageSize=</c> (page from 1, default 50 rows, at most 500)
/// answered by <see cref="Paged{T}"/> as <c>{"items", "total", "page", "pageSize"}</c>. Filters, sort and the slice
/// are applied in the database.
/// </summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static PageRequest Of(int? page, int? pageSize) =>
        new(Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize));

    public static readonly PageRequest First = Of(1, DefaultSize);

    public int Skip => (Page - 1) * PageSize;
}

/// <summary>One page of a list and the count of all rows matching its filters.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public Paged<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Total, Page, PageSize);
}

public static class PagingExtensions
{
    /// <summary>Counts and slices an ordered query in the database; the caller orders it (stable order: end with a key).</summary>
    public static async Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest request, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(request.Skip).Take(request.PageSize).ToListAsync(ct);
        return new Paged<T>(items, total, request.Page, request.PageSize);
    }

    /// <summary>Pages an in-memory list (only for lists that are small by nature, such as the years of a calendar).</summary>
    public static Paged<T> ToPage<T>(this IReadOnlyList<T> all, PageRequest request) =>
        new(all.Skip(request.Skip).Take(request.PageSize).ToList(), all.Count, request.Page, request.PageSize);
}
