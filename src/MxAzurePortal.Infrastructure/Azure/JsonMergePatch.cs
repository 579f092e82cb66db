using System.Text.Json.Nodes;

namespace MxAzurePortal.Infrastructure.Azure;

/// <summary>JSON Merge Patch (RFC 7396): objects merge member by member, null removes a member, anything else replaces.</summary>
internal static class JsonMergePatch
{
    public static JsonObject Apply(JsonObject target, JsonObject patch)
    {
        var result = (JsonObject)target.DeepClone();
        foreach (var (name, change) in patch)
        {
            if (change is null)
            {
                result.Remove(name);
            }
            else if (change is JsonObject members && result[name] is JsonObject current)
            {
                result[name] = Apply(current, members);
            }
            else
            {
                result[name] = change.DeepClone();
            }
        }

        return result;
    }
}
