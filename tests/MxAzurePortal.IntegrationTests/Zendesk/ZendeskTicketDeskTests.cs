using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Support;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.Zendesk;

namespace MxAzurePortal.IntegrationTests.Zendesk;

/// <summary>The Zendesk client, as the portal wires it, against the Zendesk simulator over loopback HTTP.</summary>
public sealed class ZendeskTicketDeskTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private ITicketDesk Desk => factory.Services.CreateScope().ServiceProvider.GetRequiredService<ITicketDesk>();

    private ZendeskSimulator Zendesk => factory.Services.GetRequiredService<ZendeskSimulator>();

    [Fact]
    public async Task Create_sends_the_ticket_with_external_id_requester_tags_priority_and_uploads()
    {
        var token = await Desk.UploadAsync("logs.txt", "text/plain", "line 1\nline 2"u8.ToArray(), CancellationToken.None);

        var created = await Desk.CreateAsync(Ticket("ext-create", [token]), "key-create", CancellationToken.None);

        var stored = Zendesk.Tickets.Single(t => t["id"]!.GetValue<long>() == created.Id);
        Assert.Equal("ext-create", stored["external_id"]!.GetValue<string>());
        Assert.Equal("high", stored["priority"]!.GetValue<string>());
        Assert.Equal("casey@contoso.example", stored["requester"]!["email"]!.GetValue<string>());
        Assert.Contains("automatic", stored["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.StartsWith("logs.txt", stored["attachments"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("new", created.Status);
    }

    [Fact]
    public async Task The_same_idempotency_key_answers_the_first_ticket_and_lookup_by_external_id_finds_it()
    {
        var first = await Desk.CreateAsync(Ticket("ext-twice", []), "key-twice", CancellationToken.None);
        var second = await Desk.CreateAsync(Ticket("ext-twice", []), "key-twice", CancellationToken.None);

        var found = await Desk.FindByExternalIdAsync("ext-twice", CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(found);
        Assert.Single(Zendesk.Tickets, t => t["external_id"]?.GetValue<string>() == "ext-twice");
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After_and_a_500_is_retried()
    {
        Zendesk.Options.FailureModes = ["429", "500"];
        Zendesk.Options.FailureRate = 0.5;
        Zendesk.Options.RetryAfterSeconds = 0;
        try
        {
            var created = await Desk.CreateAsync(Ticket("ext-retry", []), "key-retry", CancellationToken.None);
            Assert.True(created.Id > 0);
        }
        finally
        {
            Zendesk.Options.FailureRate = 0;
        }
    }

    [Fact]
    public async Task Show_many_reads_up_to_100_tickets_in_one_call_and_the_export_cursor_walks_all_changes()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await Desk.CreateAsync(Ticket($"ext-many-{i}", []), $"key-many-{i}", CancellationToken.None)).Id);
        }

        Zendesk.ClearRequests();
        var many = await Desk.GetManyAsync(ids, CancellationToken.None);
        var page = await Desk.ExportChangesAsync(null, DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);
        var next = await Desk.ExportChangesAsync(page.AfterCursor, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(3, many.Count);
        Assert.Single(Zendesk.Requests, r => r.Path.EndsWith("/show_many.json", StringComparison.Ordinal));
        Assert.Subset(page.Tickets.Select(t => t.Id).ToHashSet(), ids.ToHashSet());
        Assert.True(page.EndOfStream);
        Assert.Empty(next.Tickets);
        await Assert.ThrowsAsync<ArgumentException>(() => Desk.GetManyAsync([.. Enumerable.Range(1, 101).Select(i => (long)i)], CancellationToken.None));
    }

    private static NewDeskTicket Ticket(string externalId, IReadOnlyList<string> uploads) =>
        new(externalId, "Cluster does not start", "It fails.", "high", "Casey", "casey@contoso.example", ["cluster_x", "automatic"], uploads);
}
