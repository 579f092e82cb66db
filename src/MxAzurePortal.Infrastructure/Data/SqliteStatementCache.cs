using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MxAzurePortal.Infrastructure.Data;

/// <summary>
/// Keeps the commands EF Core runs as readers over a SQLite connection prepared, by their SQL (its queries, and the
/// batches of SaveChanges, which read back generated values), and runs each later execution of the same SQL on its
/// prepared statement with the new parameter values. Commands run without a reader (migrations, raw SQL) are not kept.
/// </summary>
/// <remarks>
/// EF Core creates a command for every execution and Microsoft.Data.Sqlite prepares every new command, so SQLite
/// parsed and planned each query again on every request (dotnet/efcore#14044): a fifth of the Cluster Overview's CPU at
/// 32 connections. The statements live as long as their connection is open (<see cref="KeptOpenSqliteConnection"/>);
/// a connection is used by one context at a time, so its cache needs no lock. A statement that is still being read
/// (the same query nested in itself) is not shared: that execution takes EF Core's own path, as does any execution once
/// the cache is full of statements being read.
/// </remarks>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    /// <summary>Statements kept per connection; the least recently used one makes room for a new one.</summary>
    public const int Capacity = 64;

    private readonly ConditionalWeakTable<SqliteConnection, Statements> connections = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        !result.HasResult && Execute(command) is { } reader ? InterceptionResult<DbDataReader>.SuppressWithResult(reader) : result;

    // Microsoft.Data.Sqlite runs every command synchronously, its async methods included.
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReaderExecuting(command, eventData, result));
    }

    /// <summary>How many statements were prepared on <paramref name="connection"/> so far, the ones since dropped included.</summary>
    public long Prepared(SqliteConnection connection) => connections.TryGetValue(connection, out var statements) ? statements.Prepared : 0;

    /// <summary>A reader of one of the statements kept on <paramref name="connection"/> is still open.</summary>
    public bool InUse(SqliteConnection connection) => connections.TryGetValue(connection, out var statements) && statements.AnyInUse;

    private SqliteDataReader? Execute(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { State: ConnectionState.Open } connection } original)
        {
            return null;
        }

        var statements = connections.GetValue(connection, static c => new Statements(c));
        var prepared = statements.Rent(original.CommandText);
        if (prepared is null)
        {
            return null;
        }

        prepared.Transaction = original.Transaction;
        prepared.CommandTimeout = original.CommandTimeout;
        prepared.Parameters.Clear();
        foreach (SqliteParameter parameter in original.Parameters)
        {
            prepared.Parameters.Add(parameter);
        }

        try
        {
            return prepared.ExecuteReader();
        }
        catch
        {
            statements.Remove(prepared);
            throw;
        }
    }

    private sealed class Statements
    {
        private readonly SqliteConnection connection;
        private readonly Dictionary<string, LinkedListNode<PreparedCommand>> byText = new(StringComparer.Ordinal);
        private readonly LinkedList<PreparedCommand> byUse = new();

        public Statements(SqliteConnection connection)
        {
            this.connection = connection;
            // Closing the connection finalizes its statements and disposes their commands: begin again when it reopens.
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == ConnectionState.Closed)
                {
                    byText.Clear();
                    byUse.Clear();
                }
            };
        }

        public long Prepared { get; private set; }

        public bool AnyInUse => byUse.Any(command => command.InUse);

        public PreparedCommand? Rent(string text)
        {
            if (byText.TryGetValue(text, out var node))
            {
                if (node.Value.InUse)
                {
                    return null;
                }

                byUse.Remove(node);
                byUse.AddLast(node);
                return node.Value;
            }

            if (byText.Count >= Capacity && !RemoveLeastRecentlyUsedIdle())
            {
                return null;
            }

            var command = new PreparedCommand(text, connection);
            try
            {
                command.Prepare();
            }
            catch (SqliteException)
            {
                // EF Core's own execution reports the error, as it would without the cache.
                command.Dispose();
                return null;
            }

            byText.Add(text, byUse.AddLast(command));
            Prepared++;
            return command;
        }

        public void Remove(PreparedCommand command)
        {
            if (byText.Remove(command.CommandText, out var node))
            {
                byUse.Remove(node);
            }

            command.Dispose();
        }

        private bool RemoveLeastRecentlyUsedIdle()
        {
            for (var node = byUse.First; node is not null; node = node.Next)
            {
                if (!node.Value.InUse)
                {
                    Remove(node.Value);
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class PreparedCommand(string text, SqliteConnection connection) : SqliteCommand(text, connection)
    {
        /// <summary>A reader of this command is still open.</summary>
        public bool InUse => DataReader is not null;
    }
}
