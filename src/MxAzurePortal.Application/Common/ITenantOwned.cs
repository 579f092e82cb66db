namespace MxAzurePortal.Application.Common;

/// <summary>A row that belongs to one customer organisation and is visible only within it.</summary>
public interface ITenantOwned
{
    Guid OrganisationId { get; }
}
