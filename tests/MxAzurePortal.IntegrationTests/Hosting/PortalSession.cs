using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MxAzurePortal.Sandbox;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>A browser-like session over HTTP: keeps cookies, reads HTML, posts real forms with their antiforgery token.</summary>
public sealed class PortalSession
{
    public PortalSession(PortalFactory factory)
    {
        Client = factory.CreatePortalClient(Cookies);
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    /// <summary>The Cookie header this session sends, to replay it against another portal instance.</summary>
    public string CookieHeader => Cookies.GetCookieHeader(new Uri("http://localhost/"));

    public static async Task<PortalSession> SignedInAsync(PortalFactory factory, string email)
    {
        var session = new PortalSession(factory);
        var response = await session.SignInAsync(email, SandboxOptions.DefaultDemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var login = await GetDocumentAsync("/Identity/Account/Login");
        return await SubmitAsync(login.QuerySelector<IHtmlFormElement>("form")!, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    public async Task<IDocument> GetDocumentAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Posts a form as a browser would: its own fields (the antiforgery token among them) plus the given values.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }

        fields.RemoveAll(f => values.ContainsKey(f.Key));
        fields.AddRange(values);

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? form.BaseUri : form.GetAttribute("action")!;
        var target = new Uri(action, UriKind.RelativeOrAbsolute);
        return Client.PostAsync(target.IsAbsoluteUri ? new Uri(target.PathAndQuery, UriKind.Relative) : target, new FormUrlEncodedContent(fields));
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }
}
