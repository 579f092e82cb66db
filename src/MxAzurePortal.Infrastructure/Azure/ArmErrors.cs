using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Identity;
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

    /// <summary>
    /// Any failure of a call through the ARM client as <see cref="AzureOperationException"/>: ARM's error answers with
    /// ARM's code, and the failures without an answer too, so that a run's step retries them and, when they last, fails
    /// with a reason instead of ending its driver with an exception nobody classifies. No answer at all arrives as a
    /// <see cref="RequestFailedException"/> of status 0 (or a network timeout) and, once the pipeline has retried it,
    /// as an <see cref="AggregateException"/> of those; a credential that cannot get a token throws
    /// <see cref="AuthenticationFailedException"/>. The caller's own cancellation is not translated.
    /// </summary>
    public static AzureOperationException? Translate(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        _ when cancellationToken.IsCancellationRequested => null,
        AzureOperationException => null,
        RequestFailedException failed when IsNoAnswer(failed) => Unreachable(failed),
        RequestFailedException failed => From(failed),
        AggregateException retried when retried.InnerExceptions.Count > 0 && retried.InnerExceptions.All(IsNoAnswer) => Unreachable(retried),
        AuthenticationFailedException signIn => new AzureOperationException(
            "AzureSignInFailed", $"The portal could not sign in to Azure: {FirstLine(signIn.Message)}", null, isTransient: true, signIn),
        _ when IsNoAnswer(exception) => Unreachable(exception),
        _ => null,
    };

    public static AzureOperationException Unreachable(Exception exception) =>
        new("ServiceUnreachable", "Azure Resource Manager could not be reached.", null, isTransient: true, exception);

    private static bool IsNoAnswer(Exception exception) => exception is
        RequestFailedException { Status: 0 } or HttpRequestException or TimeoutException or OperationCanceledException or IOException;

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
