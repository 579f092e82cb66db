using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using MxAzurePortal.Application.Azure;

namespace MxAzurePortal.Infrastructure.Azure;

/// <summary>Turns ARM's error answers into <see cref="AzureOperationException"/> with ARM's own code and message.</summary>
internal static class ArmErrors
{
    public static AzureOperationException From(Response response, Exception? inner = null)
    {
        var (code, message) = Read(response.Content?.ToString());
        return new AzureOperationException(
            code ?? $"Http{response.Status}",
            message ?? $"Azure Resource Manager answered {response.Status} {response.ReasonPhrase}.",
            response.Status,
            IsTransient(response.Status),
            inner);
    }

    public static AzureOperationException From(RequestFailedException exception)
    {
        var response = exception.GetRawResponse();
        if (response is not null)
        {
            var (code, message) = Read(response.Content?.ToString());
            if (code is not null)
            {
                return new AzureOperationException(code, message ?? exception.Message, exception.Status, IsTransient(exception.Status, code), exception);
            }
        }

        return new AzureOperationException(
            exception.ErrorCode ?? $"Http{exception.Status}", FirstLine(exception.Message), exception.Status,
            IsTransient(exception.Status, exception.ErrorCode), exception);
    }

    /// <summary>Throttling, conflicts with another operation and server errors may pass; the rest will not.</summary>
    public static bool IsTransient(int status, string? code = null) =>
        status is 408 or 409 or 429 or >= 500 || code is "AnotherOperationInProgress" or "TooManyRequests";

    private static (string? Code, string? Message) Read(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return (null, null);
        }

        try
        {
            var error = JsonNode.Parse(content)?["error"];
            return (error?["code"]?.GetValue<string>(), error?["message"]?.GetValue<string>());
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
