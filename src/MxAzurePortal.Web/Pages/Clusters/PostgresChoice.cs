using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>PostgreSQL tier and SKU as one form value, "GeneralPurpose|Standard_D2ds_v5", so the two cannot disagree.</summary>
public static class PostgresChoice
{
    public static string Format(PostgresTier tier, string sku) => $"{tier}|{sku}";

    public static bool TryParse(string? value, out PostgresTier tier, out string sku)
    {
        (tier, sku) = (default, "");
        if (value?.Split('|') is not [var t, var s] || !Enum.TryParse(t, out tier) || !Enum.IsDefined(tier))
        {
            return false;
        }

        sku = s;
        return true;
    }
}
