namespace MxAzurePortal.Application.Security;

/// <summary>
/// Accounts the sign-in page offers: the embedded default's demo accounts, with their password, so that whoever runs
/// it can sign in without reading the console. A portal without the sandbox has none.
/// </summary>
public sealed record SignInHints(IReadOnlyList<SignInHint> Accounts, string? Password)
{
    public static readonly SignInHints None = new([], null);
}

/// <summary>An account to sign in with, and who it is ("Cluster Manager of Contoso").</summary>
public sealed record SignInHint(string Email, string Who);
