using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Infrastructure.Data;

/// <summary>Stores a cluster's settings as one JSON document: they are read and written whole.</summary>
public sealed class ClusterSettingsConverter() : ValueConverter<ClusterSettings, string>(
    settings => JsonSerializer.Serialize(settings, Options),
    json => JsonSerializer.Deserialize<ClusterSettings>(json, Options)!)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly ValueComparer<ClusterSettings> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        settings => JsonSerializer.Serialize(settings, Options).GetHashCode(StringComparison.Ordinal),
        settings => JsonSerializer.Deserialize<ClusterSettings>(JsonSerializer.Serialize(settings, Options), Options)!);
}
