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
        var entries = db.ActivityEntries.AsNoTracking().Where(a => a.ClusterId == clusterId);
        if (!string.IsNullOrWhiteSpace(query.Keyword))
        {
            var pattern = "%" + Like.Escape(query.Keyword.Trim()) + "%";
            entries = entries.Where(a => EF.Functions.Like(a.Summary, pattern, Like.EscapeCharacter)
                || EF.Functions.Like(a.Action, pattern, Like.EscapeCharacter) || EF.Functions.Like(a.Actor, pattern, Like.EscapeCharacter));
        }

        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.At < end);
        }

        var page = Paging.Page(query.Page);
        var lines = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * ActivityQuery.PageSize).Take(ActivityQuery.PageSize + 1)
            .Select(a => new ActivityLine(a.At, a.Actor, a.FromAddress, a.Action, a.Summary))
            .ToListAsync(cancellationToken);
        return new ActivityPage([.. lines.Take(ActivityQuery.PageSize)], page, lines.Count > ActivityQuery.PageSize);
    }
}
