using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using MxAzurePortal.Web.Pages.Api;

namespace MxAzurePortal.UnitTests.Web.Pages.Api;

public sealed class DocsProseTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData(null, "")]
    [InlineData("sent as `MxToken <token>`.", "sent as <code>MxToken &lt;token&gt;</code>.")]
    [InlineData("`a` and `b`", "<code>a</code> and <code>b</code>")]
    [InlineData("an odd ` backtick", "an odd ` backtick")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("`<b>` & more", "<code>&lt;b&gt;</code> &amp; more")]
    public void Code_spans_become_code_and_everything_else_is_encoded(string? text, string expected) =>
        Assert.Equal(expected, Html(DocsModel.Prose(text)));

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
