using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

    public static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
