namespace MxAzurePortal.Application.Common;

/// <summary>
/// An entity whose creation and last-change times the data layer writes from the injected
/// <see cref="TimeProvider"/>, always in UTC.
/// </summary>
public interface ITimestamped
{
    DateTimeOffset CreatedAt { get; set; }

    DateTimeOffset UpdatedAt { get; set; }
}
