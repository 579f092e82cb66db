using Microsoft.Extensions.Options;
using MxAzurePortal.Infrastructure.Zendesk;

namespace MxAzurePortal.UnitTests.Infrastructure.Zendesk;

public sealed class ZendeskOptionsTests
{
    private static ValidateOptionsResult Validate(ZendeskOptions options) =>
        new DataAnnotationValidateOptions<ZendeskOptions>(null).Validate(null, options);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a host")]
    public void A_missing_or_malformed_subdomain_is_a_validation_message_not_an_exception(string? subdomain)
    {
        var result = Validate(new ZendeskOptions { Subdomain = subdomain, AgentEmail = "a@b.example", ApiToken = "t", WebhookSecret = "s" });

        Assert.True(result.Failed);
        Assert.Contains("Zendesk:Subdomain", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subdomain_gives_the_accounts_zendesk_address()
    {
        var options = new ZendeskOptions { Subdomain = "mendix", AgentEmail = "a@b.example", ApiToken = "t", WebhookSecret = "s" };

        Assert.True(Validate(options).Succeeded);
        Assert.Equal(new Uri("https://mendix.zendesk.com/"), options.GetRoot());
    }
}
