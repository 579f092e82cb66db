using MxAzurePortal.Application.Access;

namespace MxAzurePortal.Web.Pages.Shared;

/// <summary>What the _AccessGrants partial shows, and which of its buttons the viewer may use.</summary>
public sealed record AccessGrantsTable(IReadOnlyList<AccessGrantView> Grants, string EmptyText, bool CanDecide = false, bool CanStart = false);
