using System.ComponentModel.DataAnnotations;
using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.UnitTests.Infrastructure.Data;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void SqlServer_without_a_connection_string_is_refused_with_the_setting_named()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.SqlServer };

        var errors = Validate(options);

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Database:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void SqlServer_with_a_connection_string_is_accepted()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=db;Database=portal" };

        Assert.Empty(Validate(options));
    }

    [Fact]
    public void The_default_is_a_SQLite_file()
    {
        var options = new DatabaseOptions();

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.EndsWith(".db", options.SqlitePath, StringComparison.Ordinal);
        Assert.Empty(Validate(options));
    }

    private static List<ValidationResult> Validate(DatabaseOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
