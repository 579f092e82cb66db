using MxAzurePortal.Application.Security;

namespace MxAzurePortal.UnitTests.Application.Security;

public sealed class TenantScopeTests
{
    [Fact]
    public void A_new_scope_sees_no_organisation()
    {
        var scope = new TenantScope();

        Assert.Null(scope.OrganisationId);
        Assert.False(scope.SeesAllOrganisations);
    }

    [Fact]
    public void Limiting_to_an_organisation_closes_an_open_scope()
    {
        var scope = new TenantScope();
        var organisation = Guid.NewGuid();
        scope.OpenToAllOrganisations();

        scope.LimitTo(organisation);

        Assert.Equal(organisation, scope.OrganisationId);
        Assert.False(scope.SeesAllOrganisations);
    }
}
