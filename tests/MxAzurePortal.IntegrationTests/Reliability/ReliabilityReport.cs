namespace MxAzurePortal.IntegrationTests.Reliability;

/// <summary>
/// The counts of the reliability suite (tickets delivered, duplicates, lost, crashes survived...), one line per test,
/// appended to the file RELIABILITY_REPORT names; ./test.sh prints it after the totals.
/// </summary>
public static class ReliabilityReport
{
    private static readonly Lock Gate = new();

    public static void Add(string line)
    {
        if (Environment.GetEnvironmentVariable("RELIABILITY_REPORT") is not { Length: > 0 } path)
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
