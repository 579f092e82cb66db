using System.Text;

namespace MxAzurePortal.Web.Pages;

/// <summary>
/// CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, quote or line break in double quotes, quotes
/// doubled), with every cell a spreadsheet would run as a formula turned into text first.
/// </summary>
public static class Csv
{
    public static string Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>One field: neutralised, then quoted when it must be.</summary>
    public static string Field(string? value)
    {
        var cell = value ?? "";
        // A leading quote makes Excel, LibreOffice and Google Sheets show the cell as text instead of evaluating it.
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
    }
}
