namespace MxAzurePortal.Application.Common;

/// <summary>Page numbers from the query string, kept where an offset cannot overflow, and how many pages a list fills.</summary>
public static class Paging
{
    public const int MaxPage = 1_000_000;

    public static int Page(int requested) => Math.Clamp(requested, 1, MaxPage);

    /// <summary>How many pages of <paramref name="size"/> rows hold <paramref name="total"/> rows; one when there are none.</summary>
    public static int Count(int total, int size) => Math.Max(1, (total + size - 1) / size);
}
