using Microsoft.AspNetCore.Mvc.ModelBinding;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Web.Pages;

public static class ModelStateExtensions
{
    /// <summary>Puts a business rule's errors on the form: a field's error next to its input, the rest at the top.</summary>
    public static void AddRuleErrors(this ModelStateDictionary modelState, RuleResult result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            var key = error.Field.Length == 0 ? string.Empty : prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, error.Message);
        }
    }
}
