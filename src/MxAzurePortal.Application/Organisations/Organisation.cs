using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Organisations;

/// <summary>A customer of Mendix on Azure: the owner of clusters, tickets and members.</summary>
public sealed class Organisation : ITimestamped
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
