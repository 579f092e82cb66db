namespace MxAzurePortal.Application.Security;

/// <summary>The roles of Mendix staff, who work across customers in the admin view.</summary>
public enum StaffRole
{
    SupportEngineer = 0,
    Administrator = 1,
}
