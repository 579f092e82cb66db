using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MxAzurePortal.Sandbox.Zendesk;

public sealed partial class ZendeskSimulator
{
    private static readonly string[] Statuses = ["new", "open", "pending", "hold", "solved", "closed"];

    /// <summary>
    /// The sandbox's stand-in for Zendesk's own pages: the requester's view of a ticket (/hc/requests/{id}) and an
    /// agent view (/agent/tickets/{id}) where staff reply and change the status, so the loop can be tried locally.
    /// </summary>
    public async Task HandlePageAsync(HttpContext context)
    {
        var parts = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        if (parts.Length != 3 || !long.TryParse(parts[2], out var id) || !tickets.TryGetValue(id, out var ticket))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("No such ticket.");
            return;
        }

        var agent = parts[0] == "agent";
        if (agent && HttpMethods.IsPost(context.Request.Method))
        {
            var form = await context.Request.ReadFormAsync();
            var status = form["status"].ToString();
            if (Statuses.Contains(status))
            {
                SetStatus(id, status, form["reply"].ToString());
            }

            context.Response.Redirect($"{context.Request.PathBase}/agent/tickets/{id}");
            return;
        }

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ticket ").Append(id).Append(" · Zendesk sandbox</title></head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(ticket["subject"]?.GetValue<string>())).Append("</h1>")
            .Append("<p>Ticket #").Append(id).Append(" · status <strong id=\"status\">").Append(ticket["status"]).Append("</strong> · priority ")
            .Append(ticket["priority"]).Append("</p><pre>").Append(WebUtility.HtmlEncode(ticket["description"]?.GetValue<string>())).Append("</pre>")
            .Append("<p>Attachments: ").Append(WebUtility.HtmlEncode(string.Join(", ", (ticket["attachments"] as System.Text.Json.Nodes.JsonArray ?? []).Select(a => a?.ToString())))).Append("</p>");
        foreach (var comment in ticket["comments"] as System.Text.Json.Nodes.JsonArray ?? [])
        {
            html.Append("<blockquote>").Append(WebUtility.HtmlEncode(comment?["body"]?.GetValue<string>())).Append("</blockquote>");
        }

        if (agent)
        {
            html.Append("<form method=\"post\"><label for=\"status-select\">Status</label> <select id=\"status-select\" name=\"status\">");
            foreach (var status in Statuses)
            {
                html.Append("<option").Append(status == ticket["status"]?.GetValue<string>() ? " selected" : "").Append('>').Append(status).Append("</option>");
            }

            html.Append("</select> <label for=\"reply\">Reply</label> <input id=\"reply\" name=\"reply\"> <button type=\"submit\">Update ticket</button></form>");
        }
        else
        {
            html.Append("<p><a href=\"").Append(context.Request.PathBase).Append("/agent/tickets/").Append(id).Append("\">Open as a Mendix Support agent (sandbox)</a></p>");
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.Append("</body></html>").ToString());
    }
}
