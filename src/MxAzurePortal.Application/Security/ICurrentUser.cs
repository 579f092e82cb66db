using MxAzurePortal.Application.Organisations;

namespace MxAzurePortal.Application.Security;

/// <summary>The signed-in person on whose behalf the application acts.</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    string? DisplayName { get; }

    string? Email { get; }

    Guid? OrganisationId { get; }

    string? OrganisationName { get; }

    OrganisationRole? OrganisationRole { get; }

    StaffRole? StaffRole { get; }

    /// <summary>Who the user is in Entra ID (object id), or their sign-in name: role assignments are checked for it.</summary>
    string? AzurePrincipal { get; }

    /// <summary>The client address of the request, for the activity log.</summary>
    string? RemoteAddress { get; }

    /// <summary>The name of the personal access token the request came with; null when signed in.</summary>
    string? ApiTokenName => null;
}
