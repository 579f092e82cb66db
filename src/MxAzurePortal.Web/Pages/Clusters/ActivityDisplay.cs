namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>
/// An activity entry's action is a stable code ("InitializeSucceeded"), kept in the row and in the view's
/// data-activity attribute; the Activity view shows it as words ("Initialize succeeded").
/// </summary>
public static class ActivityDisplay
{
    public static string ActionLabel(string action) => string.Create(action.Length + CountWordStarts(action), action, static (label, code) =>
    {
        var at = 0;
        for (var i = 0; i < code.Length; i++)
        {
            if (IsWordStart(code, i))
            {
                label[at++] = ' ';
                label[at++] = char.ToLowerInvariant(code[i]);
            }
            else
            {
                label[at++] = code[i];
            }
        }
    });

    private static int CountWordStarts(string code)
    {
        var count = 0;
        for (var i = 0; i < code.Length; i++)
        {
            count += IsWordStart(code, i) ? 1 : 0;
        }

        return count;
    }

    // A capital after a small letter begins a word; a run of capitals ("API") stays one word.
    private static bool IsWordStart(string code, int i) => i > 0 && char.IsUpper(code[i]) && char.IsLower(code[i - 1]);
}
