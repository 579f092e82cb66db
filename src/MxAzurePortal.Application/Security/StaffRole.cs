namespace MxAzurePortal.Application.Security;

/// <summary>The roles of Mendix staff, who work across customers in the admin view.</summary>
public enum StaffRole
{
    SupportEngineer = 0,
    Administrator = 1,
}

public static class StaffRoles
{
    /// <summary>The role as people read it, shown next to a signed-in staff member's name.</summary>
    public static string Label(StaffRole role) => role switch
    {
        StaffRole.SupportEngineer => "Support Engineer",
        StaffRole.Administrator => "Administrator",
        _ => role.ToString(),
    };
}
