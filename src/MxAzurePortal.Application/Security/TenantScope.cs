namespace MxAzurePortal.Application.Security;

/// <summary>
/// Which organisations' rows the current unit of work may read. The data layer filters every
/// customer-owned set by it. A new scope sees nothing until it is told otherwise, so a forgotten
/// set-up fails closed.
/// </summary>
public sealed class TenantScope
{
    public Guid? OrganisationId { get; private set; }

    public bool SeesAllOrganisations { get; private set; }

    /// <summary>A customer's request: only the rows of their own organisation.</summary>
    public void LimitTo(Guid organisationId)
    {
        OrganisationId = organisationId;
        SeesAllOrganisations = false;
    }

    /// <summary>Mendix staff and the portal's own workers: rows of every organisation.</summary>
    public void OpenToAllOrganisations()
    {
        OrganisationId = null;
        SeesAllOrganisations = true;
    }
}
