namespace MxAzurePortal.Application.Common;

/// <summary>Page numbers from the query string, kept where an offset cannot overflow.</summary>
public static class Paging
{
    public const int MaxPage = 1_000_000;

    public static int Page(int requested) => Math.Clamp(requested, 1, MaxPage);
}
