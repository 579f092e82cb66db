using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Sandbox.DemoData;

public sealed record DemoAccount(string Email, string DisplayName, string? Organisation, OrganisationRole? Role, StaffRole? StaffRole)
{
    public string Describe() => $"{Email} ({Who})";

    public string Who => StaffRole is { } staff
        ? $"Mendix staff, {StaffRoles.Label(staff)}"
        : $"{(Role == OrganisationRole.ClusterManager ? "Cluster Manager" : "Member")} of {Organisation}";
}

/// <summary>The people of the embedded default: two customers and Mendix staff.</summary>
public static class DemoAccounts
{
    public const string Contoso = "Contoso";
    public const string Fabrikam = "Fabrikam";

    public static readonly DemoAccount ContosoManager =
        new("manager@contoso.example", "Casey Manager", Contoso, OrganisationRole.ClusterManager, null);

    public static readonly DemoAccount ContosoMember =
        new("member@contoso.example", "Morgan Member", Contoso, OrganisationRole.Member, null);

    public static readonly DemoAccount FabrikamMember =
        new("member@fabrikam.example", "Fran Fabrikam", Fabrikam, OrganisationRole.Member, null);

    public static readonly DemoAccount SupportEngineer =
        new("support@mendix.example", "Sam Support", null, null, StaffRole.SupportEngineer);

    public static readonly DemoAccount Administrator =
        new("admin@mendix.example", "Alex Admin", null, null, StaffRole.Administrator);

    /// <summary>The cluster each demo organisation has: name, subscription, resource group, region.</summary>
    public static readonly IReadOnlyDictionary<string, (string Cluster, string Subscription, string Region)> Clusters =
        new Dictionary<string, (string, string, string)>
        {
            [Contoso] = ("contoso-prod", "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b", "westeurope"),
            [Fabrikam] = ("fabrikam-apps", "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "northeurope"),
        };

    public static readonly IReadOnlyList<DemoAccount> All =
        [ContosoManager, ContosoMember, FabrikamMember, SupportEngineer, Administrator];
}
