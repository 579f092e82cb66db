using System.Text;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>
/// An activity entry's action is a stable code ("InitializeSucceeded"), kept in the row and in the view's
/// data-activity attribute; the Activity view shows it as words ("Initialize succeeded").
/// </summary>
public static class ActivityDisplay
{
    public static string ActionLabel(string action)
    {
        var label = new StringBuilder(action.Length + 4);
        for (var i = 0; i < action.Length; i++)
        {
            // A capital after a small letter begins a word; a run of capitals ("API") stays one word.
            if (i > 0 && char.IsUpper(action[i]) && char.IsLower(action[i - 1]))
            {
                label.Append(' ').Append(char.ToLowerInvariant(action[i]));
            }
            else
            {
                label.Append(action[i]);
            }
        }

        return label.ToString();
    }
}
