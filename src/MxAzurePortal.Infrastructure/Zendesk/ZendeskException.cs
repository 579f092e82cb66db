namespace MxAzurePortal.Infrastructure.Zendesk;

/// <summary>Zendesk refused or failed a call after the client's own retries.</summary>
public sealed class ZendeskException : HttpRequestException
{
    public ZendeskException()
    {
    }

    public ZendeskException(string message)
        : base(message)
    {
    }

    public ZendeskException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ZendeskException(string message, int status, bool isTransient)
        : base(message)
    {
        Status = status;
        IsTransient = isTransient;
    }

    public int Status { get; }

    public bool IsTransient { get; }
}
