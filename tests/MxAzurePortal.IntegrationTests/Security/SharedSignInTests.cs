using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Security;

/// <summary>Two portal instances on one database, as behind a load balancer, share sign-ins.</summary>
public sealed class SharedSignInTests
{
    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        var database = PortalFactory.NewDatabaseFile();
        using var first = PortalFactory.On(database);
        var session = await PortalSession.SignedInAsync(first, DemoAccounts.ContosoMember.Email);
        var cookie = session.CookieHeader;

        using var second = PortalFactory.On(database);
        var client = second.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Clusters");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keys = await second.WithDatabaseAsync(db => db.DataProtectionKeys.CountAsync());
        Assert.Equal(1, keys);
    }

    [Fact]
    public async Task With_a_certificate_configured_the_keys_are_encrypted_in_the_database()
    {
        var pfx = Path.Combine(Path.GetTempPath(), "mxazureportal-tests", $"{Guid.NewGuid():N}.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(pfx)!);
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=MxAzurePortal key protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        using var portal = PortalFactory.With(new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "pfx-password",
        });
        await PortalSession.SignedInAsync(portal, DemoAccounts.ContosoMember.Email);

        var xml = await portal.WithDatabaseAsync(db => db.DataProtectionKeys.Select(k => k.Xml).SingleAsync());
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
    }
}
