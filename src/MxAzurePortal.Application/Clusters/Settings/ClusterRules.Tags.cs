namespace MxAzurePortal.Application.Clusters.Settings;

public static partial class ClusterRules
{
    public const int MaxTagsPerResource = 50;

    /// <summary>Storage accounts allow 128 characters; the other resources of a cluster allow 512.</summary>
    public const int MaxTagNameLength = 128;

    public const int MaxTagValueLength = 256;

    private const string TagsField = nameof(ClusterSettings.Tags);

    private static readonly char[] ForbiddenTagNameCharacters = ['<', '>', '%', '&', '\\', '?', '/'];

    private static readonly string[] ReservedTagPrefixes = ["microsoft", "azure", "windows"];

    /// <summary>Azure's tag rules as they apply to every resource of a cluster, the storage account included.</summary>
    public static RuleResult Tags(IReadOnlyDictionary<string, string> tags, IReadOnlyCollection<string> portalManagedNames)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(portalManagedNames);
        var messages = new List<string>();
        var allowed = Math.Max(0, MaxTagsPerResource - portalManagedNames.Count);
        if (tags.Count > allowed)
        {
            messages.Add(portalManagedNames.Count == 0
                ? $"There are {tags.Count} tags; Azure allows at most {MaxTagsPerResource} per resource."
                : $"There are {tags.Count} tags; Azure allows at most {MaxTagsPerResource} per resource and the portal adds "
                    + $"{portalManagedNames.Count} of its own, so at most {allowed} may be set here.");
        }

        foreach (var (name, value) in tags)
        {
            messages.AddRange(TagProblems(name, value ?? "", portalManagedNames));
        }

        messages.AddRange(tags.Keys
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Where(same => same.Count() > 1)
            .Select(same => $"The tag names {ListOf(same.Select(n => $"'{Shorten(n)}'"), "and")} differ only in case; "
                + "Azure treats tag names case-insensitively, so keep only one."));
        return RuleResult.From(messages.Select(m => new RuleError(TagsField, m)));
    }

    private static IEnumerable<string> TagProblems(string name, string value, IReadOnlyCollection<string> managed)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return $"The tag with value '{Shorten(value)}' has no name; give every tag a name that is not only spaces.";
            yield break;
        }

        var shown = Shorten(name);
        if (name.Length > MaxTagNameLength)
        {
            yield return $"The tag name '{shown}' is {name.Length} characters; tag names may be at most {MaxTagNameLength}, "
                + "the limit on storage accounts, the strictest of the cluster's resources.";
        }

        var forbidden = name.Where(ForbiddenTagNameCharacters.Contains).Distinct().Select(c => $"'{c}'").ToList();
        if (forbidden.Count > 0)
        {
            yield return $"The tag name '{shown}' contains {ListOf(forbidden, "and")}; tag names cannot contain "
                + $"{string.Join(' ', ForbiddenTagNameCharacters)}.";
        }

        if (ReservedTagPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
        {
            yield return $"The tag name '{shown}' starts with '{name[..prefix.Length]}', which Azure reserves; "
                + $"tag names cannot start with {ListOf(ReservedTagPrefixes)}.";
        }

        if (managed.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"The tag '{shown}' is managed by the portal; choose another name.";
        }

        if (value.Length > MaxTagValueLength)
        {
            yield return $"The value of tag '{shown}' is {value.Length} characters; "
                + $"tag values may be at most {MaxTagValueLength}.";
        }
    }

    // A 129-character name repeated in full would bury the message; its start is enough to find it.
    private static string Shorten(string text) => text.Length <= 40 ? text : $"{text[..37]}...";
}
