using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Activity;

public sealed record ActivityQuery(string? Keyword, DateOnly? From, DateOnly? To, int Page)
{
    public const int PageSize = 50;
}

public sealed record ActivityLine(DateTimeOffset At, string Actor, string? FromAddress, string Action, string Summary);

public sealed record ActivityPage(IReadOnlyList<ActivityLine> Lines, int Page, bool HasMore);

/// <summary>The Activity view of a cluster: newest first, filtered by keyword and date, a page at a time.</summary>
public sealed class ActivityService(IPortalDb db)
{
    public async Task<ActivityPage> ListAsync(Guid clusterId, ActivityQuery query, CancellationToken cancellationToken)
    {
        var pattern = string.IsNullOrWhiteSpace(query.Keyword) ? null : "%" + Like.Escape(query.Keyword.Trim()) + "%";

        // The view shows an action's code in words ("Ticket opened" for TicketOpened), so the words find the code.
        var actionPattern = pattern is null ? null : "%" + Like.Escape(string.Concat(query.Keyword!.Where(c => !char.IsWhiteSpace(c)))) + "%";
        DateTimeOffset? start = query.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        DateTimeOffset? end = query.To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        var page = Paging.Page(query.Page);
        var lines = await PageQuery(db.Context(), clusterId, pattern, actionPattern, start, end, (page - 1) * ActivityQuery.PageSize)
            .ToListAsync(cancellationToken);
        return new ActivityPage([.. lines.Take(ActivityQuery.PageSize)], page, lines.Count > ActivityQuery.PageSize);
    }

    // Compiled once; each filter is optional, and a null parameter drops its condition from the SQL.
    private static readonly Func<DbContext, Guid, string?, string?, DateTimeOffset?, DateTimeOffset?, int, IAsyncEnumerable<ActivityLine>> PageQuery =
        EF.CompileAsyncQuery((DbContext db, Guid clusterId, string? pattern, string? actionPattern, DateTimeOffset? start, DateTimeOffset? end, int skip) =>
            db.Set<ActivityEntry>().AsNoTracking()
                .Where(a => a.ClusterId == clusterId
                    && (pattern == null
                        || EF.Functions.Like(a.Summary, pattern, Like.EscapeCharacter)
                        || EF.Functions.Like(a.Action, actionPattern, Like.EscapeCharacter)
                        || EF.Functions.Like(a.Actor, pattern, Like.EscapeCharacter))
                    && (start == null || a.At >= start)
                    && (end == null || a.At < end))
                .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                .Skip(skip).Take(ActivityQuery.PageSize + 1)
                .Select(a => new ActivityLine(a.At, a.Actor, a.FromAddress, a.Action, a.Summary)));
}
