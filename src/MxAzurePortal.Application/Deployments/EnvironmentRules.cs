namespace MxAzurePortal.Application.Deployments;

/// <summary>An environment's internal name names Kubernetes resources, so it is a DNS label.</summary>
public static class EnvironmentRules
{
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > AppEnvironment.NameMaxLength
            || !char.IsAsciiLetterLower(name[0]) || name[^1] == '-'
            || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return $"The name must be 1 to {AppEnvironment.NameMaxLength} lower-case letters, digits and hyphens, start with a letter " +
                   "and not end with a hyphen (it names the app's resources in the cluster), e.g. test or production.";
        }

        return null;
    }
}
