using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Compliance;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>The SOC 2 compliance summary of a cluster, from Azure Policy, and its CSV export.</summary>
public sealed class ComplianceModel(ComplianceService compliance) : PageModel
{
    public ClusterCompliance Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await compliance.GetAsync(id, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Result = result;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await compliance.GetAsync(id, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Result = result;
        if (result.Summary is not { } summary)
        {
            // Nothing to export: the page says why.
            return Page();
        }

        // The byte order mark makes Excel read the file as UTF-8 rather than the machine's code page.
        byte[] csv = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ComplianceCsv.Write(result.Cluster.Name, summary))];
        var date = result.ReadAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(csv, "text/csv; charset=utf-8", $"{result.Cluster.Name}-soc2-compliance-{date}.csv");
    }
}
