using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MxAzurePortal.Web.Api;

namespace MxAzurePortal.Web.Pages.Api;

/// <summary>The Deploy API's reference, rendered on the server from the same OpenAPI document tools download.</summary>
[AllowAnonymous]
public sealed class DocsModel([FromKeyedServices(ApiDocument.Name)] IOpenApiDocumentProvider documents) : PageModel
{
    public OpenApiDocument Document { get; private set; } = null!;

    public IReadOnlyList<(string Tag, IReadOnlyList<Operation> Operations)> Sections { get; private set; } = [];

    public sealed record Operation(string Method, string Path, OpenApiOperation Details)
    {
        public string Anchor => Details.OperationId ?? (Method + Path).Replace('/', '-').Replace('{', '-').Replace('}', '-');
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        var operations = (Document.Paths ?? new OpenApiPaths())
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => new Operation(op.Key.Method.ToUpperInvariant(), path.Key, op.Value)))
            .ToList();
        Sections = [.. operations
            .GroupBy(o => o.Details.Tags?.FirstOrDefault()?.Name ?? "Other")
            .Select(g => (g.Key, (IReadOnlyList<Operation>)[.. g.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => MethodOrder(o.Method))]))];
    }

    /// <summary>
    /// An OpenAPI description is CommonMark: its <c>`code spans`</c> are shown as code, everything else as encoded
    /// text. A backtick without its pair stays a backtick.
    /// </summary>
    public static IHtmlContent Prose(string? text)
    {
        var html = new HtmlContentBuilder();
        var parts = (text ?? "").Split('`');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 0)
            {
                html.Append(parts[i]);
            }
            else if (i < parts.Length - 1)
            {
                html.AppendHtml("<code>").Append(parts[i]).AppendHtml("</code>");
            }
            else
            {
                html.Append("`" + parts[i]);
            }
        }

        return html;
    }

    private static int MethodOrder(string method) => Array.IndexOf(["GET", "POST", "PUT", "PATCH", "DELETE"], method) is var i and >= 0 ? i : 9;
}
