using MxAzurePortal.Application.Common;

namespace MxAzurePortal.UnitTests.Application.Common;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 50, 1)]
    [InlineData(1, 50, 1)]
    [InlineData(50, 50, 1)]
    [InlineData(51, 50, 2)]
    [InlineData(100, 50, 2)]
    [InlineData(101, 50, 3)]
    public void A_list_fills_whole_pages_and_one_more_for_the_rest_and_an_empty_list_one(int total, int size, int pages) =>
        Assert.Equal(pages, Paging.Count(total, size));

    [Theory]
    [InlineData(-5, 1)]
    [InlineData(0, 1)]
    [InlineData(7, 7)]
    [InlineData(int.MaxValue, Paging.MaxPage)]
    public void A_requested_page_is_kept_between_the_first_and_the_largest(int requested, int page) =>
        Assert.Equal(page, Paging.Page(requested));
}
