namespace MxAzurePortal.Application.Azure;

/// <summary>
/// ARM refused or failed an operation. <see cref="Code"/> and the message are ARM's own; <see cref="IsTransient"/>
/// says whether trying again later may succeed (throttling, conflicts, server errors).
/// </summary>
public sealed class AzureOperationException : Exception
{
    public AzureOperationException()
    {
        Code = "Unknown";
    }

    public AzureOperationException(string message)
        : base(message)
    {
        Code = "Unknown";
    }

    public AzureOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "Unknown";
    }

    public AzureOperationException(string code, string message, int? status, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Status = status;
        IsTransient = isTransient;
    }

    public string Code { get; }

    public int? Status { get; }

    public bool IsTransient { get; }
}
