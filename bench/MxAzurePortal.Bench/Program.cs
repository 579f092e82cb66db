using System.Diagnostics;
using System.Globalization;
using MxAzurePortal.Bench;

// Seeds a separate SQLite database at customer scale for the benchmarks:
//   dotnet run --project bench/MxAzurePortal.Bench -- <database file> [organisations] [clusters per organisation]
//     [tickets per cluster] [activity entries per cluster]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: MxAzurePortal.Bench <database file> [organisations=500] [clusters=20] [tickets=10] [activity=100]");
    return 2;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var scale = new Scale(Arg(1, 500), Arg(2, 20), Arg(3, 10), Arg(4, 100));
var watch = Stopwatch.StartNew();
var report = await ScaleSeeder.SeedAsync(args[0], scale);
foreach (var (what, count, elapsed) in report)
{
    Console.WriteLine(FormattableString.Invariant($"{what,-18} {count,10:N0} rows in {elapsed.TotalSeconds,6:F2} s"));
}

Console.WriteLine(FormattableString.Invariant($"{"total",-18} {report.Sum(r => r.Count),10:N0} rows in {watch.Elapsed.TotalSeconds,6:F2} s"));
return 0;
