using MxAzurePortal.Web.Pages;

namespace MxAzurePortal.UnitTests.Web.Pages;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void Fields_are_quoted_as_RFC_4180_asks(string? value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\",\"y\")", "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void Cells_a_spreadsheet_would_evaluate_become_text(string value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    [Fact]
    public void A_formula_character_inside_a_cell_is_left_alone()
    {
        Assert.Equal("a=b", Csv.Field("a=b"));
        Assert.Equal("/subscriptions/s/resourceGroups/rg-a", Csv.Field("/subscriptions/s/resourceGroups/rg-a"));
    }

    [Fact]
    public void Rows_end_with_CRLF_and_keep_their_columns()
    {
        var text = Csv.Write([["a", "b,c", null], ["=x", "y", "z"]]);

        Assert.Equal("a,\"b,c\",\r\n'=x,y,z\r\n", text);
    }
}
