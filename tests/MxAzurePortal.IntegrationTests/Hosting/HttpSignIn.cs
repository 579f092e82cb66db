using System.Net;
using System.Text.RegularExpressions;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>Signs a plain HttpClient in through the login form, for tests that cannot use <see cref="PortalSession"/>.</summary>
public static partial class HttpSignIn
{
    public static async Task SignInAsync(HttpClient client, string email)
    {
        var login = await client.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        using var signedIn = await client.PostAsync(new Uri("/Identity/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = MxAzurePortal.Sandbox.SandboxOptions.DefaultDemoPassword,
            ["__RequestVerificationToken"] = Token().Match(login).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
