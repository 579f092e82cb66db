using Microsoft.AspNetCore.Identity;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Infrastructure.Identity;

/// <summary>A person who signs in: a customer member, or Mendix staff when <see cref="StaffRole"/> is set.</summary>
public sealed class PortalUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";

    public StaffRole? StaffRole { get; set; }
}
