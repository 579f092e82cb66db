namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>
/// Tag rows a form posts with one name twice: the form cannot tell which value was meant, so it refuses them (the
/// Provision step and the Customizations page alike). Azure's own rules on names are <c>ClusterRules</c>'.
/// </summary>
public static class RepeatedTagNames
{
    public static IEnumerable<string> In(IEnumerable<string?> names) =>
        names.Where(n => !string.IsNullOrEmpty(n)).GroupBy(n => n!, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

    public static string Message(string name) => $"The tag name '{name}' appears more than once; keep one.";
}
