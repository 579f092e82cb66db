using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.Web.Api;

/// <summary>
/// Reads an uploaded package from a multipart form (field <c>package</c>) within the configured size, for the API and the
/// Environments page alike. The form is read here, after the limits are set, never by model binding with its defaults.
/// </summary>
public static class PackageUploads
{
    public const string FieldName = "package";

    /// <summary>Raises the request's body limits to the package limit (plus room for the form around it).</summary>
    public static void AllowPackageSize(HttpContext context)
    {
        var max = context.RequestServices.GetRequiredService<IOptions<DeploymentOptions>>().Value.MaxPackageBytes + 1024 * 1024;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max;
        }

        if (!context.Request.HasFormContentType || context.Features.Get<IFormFeature>()?.Form is null)
        {
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = max }));
        }
    }

    public static async Task<(IFormFile? File, ChangeProblem? Problem)> ReadAsync(HttpContext context)
    {
        AllowPackageSize(context);
        var limit = context.RequestServices.GetRequiredService<IOptions<DeploymentOptions>>().Value.MaxPackageMegabytes;
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var file = form.Files.GetFile(FieldName) ?? form.Files.FirstOrDefault();
            return file is null
                ? (null, new ChangeProblem(ProblemKind.Invalid, "Package", $"Send the package as the multipart form field '{FieldName}'."))
                : (file, null);
        }
        catch (Exception exception) when (IsTooLarge(exception))
        {
            return (null, new ChangeProblem(ProblemKind.TooLarge, "Package", $"The package is larger than {limit} MB, the most accepted."));
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, new ChangeProblem(ProblemKind.Invalid, "Package",
                $"The upload is not a complete multipart/form-data body with the package in the field '{FieldName}': {exception.Message}"));
        }
    }

    /// <summary>Past the size limit: Kestrel's request body limit (413) or the form reader's multipart body limit.</summary>
    private static bool IsTooLarge(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge,
        InvalidDataException data => data.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
