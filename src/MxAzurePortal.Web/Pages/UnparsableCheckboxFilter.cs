using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MxAzurePortal.Web.Pages;

/// <summary>
/// A checkbox posted with a value that is not a boolean keeps its validation error, but not its raw value: the
/// checkbox tag helper converts the raw value back to a boolean when the page is shown again, and would throw.
/// </summary>
public sealed class UnparsableCheckboxFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await next();
        var modelState = context.ModelState;
        if (modelState.IsValid)
        {
            return;
        }

        foreach (var (key, entry) in modelState)
        {
            if (entry.ValidationState == ModelValidationState.Invalid && entry.RawValue is not null
                && !bool.TryParse(entry.AttemptedValue, out _) && IsBoolean(context.HandlerInstance.GetType(), key))
            {
                modelState.SetModelValue(key, rawValue: null, attemptedValue: null);
            }
        }
    }

    private static bool IsBoolean(Type type, string path)
    {
        foreach (var name in path.Split('.'))
        {
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);
    }
}
