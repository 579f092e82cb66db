using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>A statement the portal sent to the database, with its parameters' values.</summary>
public sealed record SentCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>Records every query the portal reads with, for tests that ask SQLite how it plans them.</summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    public ConcurrentQueue<SentCommand> Commands { get; } = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(new SentCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
        return ValueTask.FromResult(result);
    }
}

public static class QueryPlans
{
    /// <summary>A portal (a new one unless given) whose SQLite statements are recorded in <paramref name="capture"/>.</summary>
    public static ServicedPortal Capturing(CommandCapture capture, PortalFactory? portal = null) =>
        new(portal ?? new PortalFactory(), services =>
            services.ConfigureDbContext<SqlitePortalDbContext>((_, options) => options.AddInterceptors(capture)));

    /// <summary>The lines of SQLite's <c>EXPLAIN QUERY PLAN</c> for a statement with the values it was sent with.</summary>
    public static async Task<List<string>> ExplainAsync(string database, SentCommand command)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    /// <summary>Copies a row of a table keyed by a Guid <c>Id</c> under new ids, as years of history leave rows behind.</summary>
    public static async Task CopyRowAsync(SqliteConnection connection, string table, Guid id, int copies)
    {
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE name <> 'Id'";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add($"\"{reader.GetString(0)}\"");
            }
        }

        var list = string.Join(", ", columns);
        await using var copy = connection.CreateCommand();
        copy.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies})
            INSERT INTO "{table}" ("Id", {list})
            SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))), {list}
            FROM "{table}", n WHERE "Id" = $id
            """;
        copy.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        Assert.Equal(copies, await copy.ExecuteNonQueryAsync());
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
