namespace MxAzurePortal.Application.Security;

/// <summary>The claims the portal adds at sign-in, whichever way the user signed in.</summary>
public static class PortalClaimTypes
{
    public const string UserId = "mx:uid";
    public const string OrganisationId = "mx:org";
    public const string OrganisationName = "mx:org_name";
    public const string OrganisationRole = "mx:org_role";
    public const string StaffRole = "mx:staff_role";
}
