using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Data;

/// <summary>
/// A query is prepared once per SQLite connection and runs on its prepared statement in later units of work, on a
/// connection the pooled context keeps open (and reads the file through a memory map); it still reads what was
/// committed meanwhile, with its new parameter values.
/// </summary>
public sealed class SqliteStatementCacheTests : IAsyncLifetime
{
    private readonly string database = PortalFactory.NewDatabaseFile();
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        services = new ServiceCollection()
            .AddDbContextPool<SqlitePortalDbContext>(options => PortalDbSetup.UseSqlite(options, database))
            .BuildServiceProvider();
        await InScopeAsync(db => db.Database.MigrateAsync());
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(database);
    }

    [Fact]
    public async Task A_query_runs_on_its_prepared_statement_in_the_next_unit_of_work_and_reads_what_was_committed_meanwhile()
    {
        var first = await AddOrganisationAsync("first");
        var (connection, found) = await InScopeAsync(async db => (Connection(db), await IdOfAsync(db, "first")));
        Assert.Equal(first, found);
        Assert.Equal(ConnectionState.Open, connection.State);
        var prepared = Cache.Prepared(connection);
        Assert.True(prepared > 0);

        var second = await AddOrganisationAsync("second");
        var (again, foundSecond) = await InScopeAsync(async db => (Connection(db), await IdOfAsync(db, "second")));

        Assert.Same(connection, again);
        Assert.Equal(second, foundSecond);
        Assert.Equal(prepared, Cache.Prepared(connection));
    }

    [Fact]
    public async Task A_query_with_a_LIKE_pattern_finds_the_rows_of_each_new_pattern_on_its_prepared_statement()
    {
        await AddOrganisationAsync("north-1");
        await AddOrganisationAsync("south-1");
        var (connection, north) = await InScopeAsync(async db => (Connection(db), await NamesLikeAsync(db, "north%")));
        var prepared = Cache.Prepared(connection);

        var south = await InScopeAsync(db => NamesLikeAsync(db, "south%"));
        var none = await InScopeAsync(db => NamesLikeAsync(db, "east%"));

        Assert.Equal(["north-1"], north);
        Assert.Equal(["south-1"], south);
        Assert.Empty(none);
        Assert.Equal(prepared, Cache.Prepared(connection));
    }

    [Fact]
    public async Task A_kept_connection_reads_the_database_file_through_a_memory_map()
    {
        var mapped = await InScopeAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = Connection(db).CreateCommand();
            command.CommandText = "PRAGMA mmap_size";
            return (long)(await command.ExecuteScalarAsync())!;
        });

        Assert.Equal(KeptOpenSqliteConnection.MemoryMapBytes, mapped);
    }

    [Fact]
    public async Task A_query_read_inside_its_own_reading_gets_a_statement_of_its_own()
    {
        await AddOrganisationAsync("outer");
        await AddOrganisationAsync("inner");

        var pairs = await InScopeAsync(async db =>
        {
            var found = new List<(string, int)>();
            await foreach (var name in Names(db).AsAsyncEnumerable())
            {
                found.Add((name, (await Names(db).ToListAsync()).Count));
            }

            return found;
        });

        Assert.Contains(("outer", pairs.Count), pairs);
        Assert.Contains(("inner", pairs.Count), pairs);
    }

    [Fact]
    public async Task A_transaction_begun_in_SQL_and_left_open_is_rolled_back_before_the_connection_is_kept()
    {
        var connection = await InScopeAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync(
                "BEGIN; INSERT INTO \"Organisations\" (\"Id\", \"Name\", \"CreatedAt\", \"UpdatedAt\") VALUES ({0}, 'uncommitted', 0, 0);",
                Guid.NewGuid().ToString().ToUpperInvariant());
            return Connection(db);
        });

        Assert.Equal(ConnectionState.Open, connection.State);
        Assert.Null(await InScopeAsync(db => IdOfAsync(db, "uncommitted")));
        // The write lock went with the transaction: another connection writes at once.
        Assert.NotEqual(Guid.Empty, await AddOrganisationAsync("after"));
    }

    private SqliteStatementCache Cache => services.GetRequiredService<DbContextOptions<SqlitePortalDbContext>>()
        .FindExtension<CoreOptionsExtension>()!.Interceptors!.OfType<SqliteStatementCache>().Single();

    private static SqliteConnection Connection(PortalDbContext db) => (SqliteConnection)db.Database.GetDbConnection();

    private static IQueryable<string> Names(PortalDbContext db) => db.Organisations.OrderBy(o => o.Name).Select(o => o.Name);

    private static Task<List<string>> NamesLikeAsync(PortalDbContext db, string pattern) =>
        db.Organisations.Where(o => EF.Functions.Like(o.Name, pattern)).Select(o => o.Name).ToListAsync();

    private static Task<Guid?> IdOfAsync(PortalDbContext db, string name) =>
        db.Organisations.Where(o => o.Name == name).Select(o => (Guid?)o.Id).SingleOrDefaultAsync();

    private async Task<T> InScopeAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SqlitePortalDbContext>();
        var tenant = new TenantScope();
        tenant.OpenToAllOrganisations();
        db.Tenant = tenant;
        return await work(db);
    }

    private Task InScopeAsync(Func<PortalDbContext, Task> work) => InScopeAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>Committed by another connection, as another portal instance would.</summary>
    private async Task<Guid> AddOrganisationAsync(string name)
    {
        var id = Guid.NewGuid();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, DefaultTimeout = 2 }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO \"Organisations\" (\"Id\", \"Name\", \"CreatedAt\", \"UpdatedAt\") VALUES ($id, $name, 0, 0)";
        command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$name", name);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
