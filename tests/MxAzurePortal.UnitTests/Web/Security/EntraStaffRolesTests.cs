using System.Security.Claims;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.UnitTests.Web.Security;

public sealed class EntraStaffRolesTests
{
    private static readonly PortalAuthenticationOptions Options = CreateOptions();

    [Theory]
    [InlineData("aaaa-support", StaffRole.SupportEngineer)]
    [InlineData("AAAA-SUPPORT", StaffRole.SupportEngineer)]
    [InlineData("bbbb-admin", StaffRole.Administrator)]
    public void A_configured_group_makes_the_user_staff(string group, StaffRole expected)
    {
        Assert.Equal(expected, EntraStaffRoles.From(Principal("groups", group), Options));
    }

    [Fact]
    public void Administrator_wins_when_both_groups_are_present()
    {
        var principal = Principal("groups", "aaaa-support", "bbbb-admin");

        Assert.Equal(StaffRole.Administrator, EntraStaffRoles.From(principal, Options));
    }

    [Fact]
    public void Other_groups_or_another_claim_type_are_not_staff()
    {
        Assert.Null(EntraStaffRoles.From(Principal("groups", "cccc-customers"), Options));
        Assert.Null(EntraStaffRoles.From(Principal("roles", "bbbb-admin"), Options));
    }

    [Fact]
    public void Entra_sign_in_without_any_staff_group_configured_is_refused_at_start()
    {
        var options = new PortalAuthenticationOptions { Provider = SignInProvider.EntraId };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Single(errors);
    }

    private static PortalAuthenticationOptions CreateOptions()
    {
        var options = new PortalAuthenticationOptions { Provider = SignInProvider.EntraId };
        options.SupportEngineerClaimValues.Add("aaaa-support");
        options.AdministratorClaimValues.Add("bbbb-admin");
        return options;
    }

    private static ClaimsPrincipal Principal(string type, params string[] values) =>
        new(new ClaimsIdentity(values.Select(v => new Claim(type, v)), "oidc"));
}
