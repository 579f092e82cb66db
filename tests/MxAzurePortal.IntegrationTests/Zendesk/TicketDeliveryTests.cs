using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Support;
using MxAzurePortal.Infrastructure.Zendesk;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using MxAzurePortal.Sandbox.Zendesk;

namespace MxAzurePortal.IntegrationTests.Zendesk;

/// <summary>Tickets reach Zendesk exactly once whatever Zendesk does, and their statuses come back.</summary>
public sealed class TicketDeliveryTests : IDisposable
{
    private readonly PortalFactory factory = PortalFactory.With(new Dictionary<string, string>
    {
        ["Zendesk:AttemptTimeoutSeconds"] = "0.5",
        ["Zendesk:MaxRetries"] = "2",
        ["Sandbox:Zendesk:TimeoutMilliseconds"] = "800",
        ["Sandbox:Zendesk:RetryAfterSeconds"] = "0",
        ["Support:RetryBaseSeconds"] = "1",
        ["Support:MaxRetrySeconds"] = "2",
        ["Support:PollMilliseconds"] = "50",
    });

    private ZendeskSimulator Zendesk => factory.Services.GetRequiredService<ZendeskSimulator>();

    [Fact]
    public async Task Tickets_opened_while_Zendesk_fails_at_random_all_arrive_exactly_once()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "delivery-chaos");
        Zendesk.Options.FailureRate = 0.35;
        Zendesk.Options.FailureModes = ["500", "429", "timeout", "lost"];
        var ids = await factory.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Clusters.Where(c => c.Id == cluster).Select(c => c.OrganisationId).SingleAsync();
            var tickets = Enumerable.Range(0, 100).Select(i => new SupportTicket
            {
                OrganisationId = organisation, ClusterId = cluster, Subject = $"Chaos ticket {i}", Description = "Opened during an outage.",
                CreatedBy = "test", RequesterEmail = "member@contoso.example", ShareLogs = i % 10 == 0,
            }).ToList();
            foreach (var ticket in tickets)
            {
                TicketService.Queue(db, ticket, factory.Clock.GetUtcNow());
            }

            await db.SaveChangesAsync();
            return tickets.Select(t => t.Id.ToString()).ToHashSet();
        });

        await DeliveredAsync(100, recoverAfter: TimeSpan.FromSeconds(6));

        var external = Zendesk.Tickets.Select(t => t["external_id"]!.GetValue<string>()).Where(ids.Contains).ToList();
        var faults = Zendesk.Requests.Count(r => r.Status is 429 or >= 500);
        MxAzurePortal.IntegrationTests.Reliability.ReliabilityReport.Add(
            $"zendesk chaos: 100 tickets opened, {external.Distinct().Count()} delivered, {external.Count - external.Distinct().Count()} duplicates, " +
            $"{100 - external.Distinct().Count()} lost, {faults} faulty answers (500, 429) besides timeouts and lost responses");
        Assert.Equal(100, external.Count);
        Assert.Equal(100, external.Distinct().Count());
        Assert.Contains(Zendesk.Requests, r => r.Status == 500);
        Assert.True(await factory.WithDatabaseAsync(db => db.TicketDeliveries.AnyAsync(d => d.Attempts > 1)));
        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.SupportTickets.CountAsync(t => t.Status == TicketStatus.Submitting)));
    }

    [Fact]
    public async Task The_same_ticket_form_posted_twice_at_once_and_again_later_opens_one_ticket()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "delivery-twice");
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var form = (await member.GetDocumentAsync($"/Clusters/{cluster}/Support/New")).QuerySelector<IHtmlFormElement>("main form")!;
        var values = new Dictionary<string, string>
        {
            ["Input.Subject"] = "Apps do not start", ["Input.Description"] = "Since this morning no app starts.", ["Input.ShareLogs"] = "true",
        };

        var answers = (await Task.WhenAll(member.SubmitAsync(form, values), member.SubmitAsync(form, values))).Append(await member.SubmitAsync(form, values)).ToList();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var ticket = Assert.Single(await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.ClusterId == cluster).Select(t => t.Id).ToListAsync()));
        Assert.All(answers, a => Assert.EndsWith($"/Support/{ticket}", a.Headers.Location!.OriginalString, StringComparison.Ordinal));

        // The form shown again is another ticket.
        var next = (await member.GetDocumentAsync($"/Clusters/{cluster}/Support/New")).QuerySelector<IHtmlFormElement>("main form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync(next, values)).StatusCode);
        Assert.Equal(2, await factory.WithDatabaseAsync(db => db.SupportTickets.CountAsync(t => t.ClusterId == cluster)));
    }

    [Fact]
    public async Task A_member_opens_a_ticket_with_consent_and_its_redacted_logs_are_attached()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "delivery-form");
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var form = (await member.GetDocumentAsync($"/Clusters/{cluster}/Support/New")).QuerySelector<IHtmlFormElement>("main form")!;

        var refused = await member.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Subject"] = "Apps do not start", ["Input.Description"] = "Since this morning no app starts.",
        });
        Assert.Contains("consent to share them", (await PortalSession.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Input.ShareLogs']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.SupportTickets.CountAsync(t => t.ClusterId == cluster)));

        var opened = await member.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Subject"] = "Apps do not start", ["Input.Description"] = "Since this morning no app starts.",
            ["Input.Severity"] = "High", ["Input.ShareLogs"] = "true", ["Input.GrantAccess"] = "true", ["Input.AccessHours"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        await DeliveredAsync(1);

        var zendesk = Assert.Single(Zendesk.Tickets, t => t["subject"]?.GetValue<string>() == "Apps do not start");
        Assert.Equal("high", zendesk["priority"]!.GetValue<string>());
        Assert.Equal("member@contoso.example", zendesk["requester"]!["email"]!.GetValue<string>());
        // The ticket carries one log file. An upload whose answer was slow may be sent again by the retry policy;
        // Zendesk drops an upload no ticket refers to, so what counts is the one attachment, and that every copy sent
        // is redacted.
        var attachment = Assert.Single(zendesk["attachments"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("delivery-form-logs-", attachment, StringComparison.Ordinal);
        var sent = Zendesk.Uploads.Where(u => u.Key.StartsWith("delivery-form-logs-", StringComparison.Ordinal)).Select(u => u.Value).ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, log =>
        {
            Assert.Contains(SecretRedactor.Mask, log, StringComparison.Ordinal);
            Assert.DoesNotContain("BEGIN RSA PRIVATE KEY", log, StringComparison.Ordinal);
        });
        var grant = await factory.WithDatabaseAsync(db => db.AccessGrants.SingleAsync(g => g.ClusterId == cluster));
        Assert.Equal(4, grant.DurationHours);
        var details = await member.GetDocumentAsync(opened.Headers.Location!.OriginalString);
        Assert.Contains("new", details.QuerySelector("[data-testid=zendesk-status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(details.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "Go to ticket"));
        var colleague = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        Assert.Null((await colleague.GetDocumentAsync(opened.Headers.Location!.OriginalString)).QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "Go to ticket"));
    }

    [Fact]
    public async Task Refresh_of_250_tickets_takes_3_Zendesk_calls_and_maps_the_statuses()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "delivery-refresh");
        await factory.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Clusters.Where(c => c.Id == cluster).Select(c => c.OrganisationId).SingleAsync();
            for (var i = 0; i < 250; i++)
            {
                TicketService.Queue(db, new SupportTicket
                {
                    OrganisationId = organisation, ClusterId = cluster, Subject = $"Refresh {i}", Description = "d", CreatedBy = "test",
                }, factory.Clock.GetUtcNow());
            }

            return await db.SaveChangesAsync();
        });
        await DeliveredAsync(250);
        var first = await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.Subject == "Refresh 0").Select(t => t.ZendeskTicketId!.Value).SingleAsync());
        Zendesk.SetStatus(first, "pending");
        Zendesk.SetStatus(first + 1, "solved");
        Zendesk.ClearRequests();
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var refresh = await member.SubmitAsync((await member.GetDocumentAsync($"/Clusters/{cluster}/Support"))
            .QuerySelector<IHtmlFormElement>("form[action*='handler=Refresh']")!, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, refresh.StatusCode);
        Assert.Equal(3, Zendesk.Requests.Count(r => r.Path.EndsWith("/show_many.json", StringComparison.Ordinal)));
        Assert.Equal(3, Zendesk.Requests.Count);
        var statuses = await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.ZendeskTicketId == first || t.ZendeskTicketId == first + 1)
            .OrderBy(t => t.ZendeskTicketId).Select(t => t.Status).ToListAsync());
        Assert.Equal([TicketStatus.AwaitingYourReply, TicketStatus.Solved], statuses);
        // The 250 tickets span five pages of the list; the refreshed one shows its new status on its own page.
        var ticket = await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.ZendeskTicketId == first).Select(t => t.Id).SingleAsync());
        var page = await member.GetDocumentAsync($"/Clusters/{cluster}/Support/{ticket}");
        Assert.Contains("Awaiting your reply", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_in_a_description_are_redacted_before_it_leaves_for_Zendesk()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "delivery-redacted");
        var queued = await QueueAsync(cluster, "App cannot reach its database", "Our app logs: Host=db.example;Username=mx;Password=hunter2-Secret;Database=app");

        await DeliveredAsync(1);

        var body = Zendesk.Tickets.Single(t => t["external_id"]?.GetValue<string>() == queued.ToString())["description"]!.GetValue<string>();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.Contains("Password=" + SecretRedactor.Mask, body, StringComparison.Ordinal);
        Assert.Contains("Host=db.example", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_Zendesks_JSON_is_retried_after_a_wait_with_the_reason_not_at_once_for_ever()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "delivery-garbled");
        Zendesk.Options.FailureRate = 1;
        Zendesk.Options.FailureModes = ["garbled"];
        var queued = await QueueAsync(cluster, "Garbled");

        TicketDelivery? delivery = null;
        for (var i = 0; i < 100 && delivery?.LastError is null; i++)
        {
            await Task.Delay(50);
            delivery = await factory.WithDatabaseAsync(db => db.TicketDeliveries.AsNoTracking().SingleAsync(d => d.TicketId == queued));
        }

        // The portal's clock stands still here, so a delivery that waits is not tried again; one that does not wait
        // would be claimed again and again (the worker polls every 50 ms).
        await Task.Delay(1000);
        delivery = await factory.WithDatabaseAsync(db => db.TicketDeliveries.AsNoTracking().SingleAsync(d => d.TicketId == queued));
        Assert.Equal(1, delivery.Attempts);
        Assert.Contains("Attempt 1 failed", delivery.LastError, StringComparison.Ordinal);
        Assert.True(delivery.NextAttemptAt > factory.Clock.GetUtcNow());

        Zendesk.Options.FailureRate = 0;
        await DeliveredAsync(1);
        Assert.Single(Zendesk.Tickets, t => t["external_id"]?.GetValue<string>() == queued.ToString());
    }

    [Fact]
    public async Task While_Zendesk_never_answers_a_delivery_waits_with_the_reason_and_Refresh_says_so_instead_of_failing()
    {
        var zendeskId = await DeliveredTicketAsync("delivery-silent");
        var cluster = await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.ZendeskTicketId == zendeskId).Select(t => t.ClusterId).SingleAsync());
        Zendesk.Options.FailureRate = 1;
        Zendesk.Options.FailureModes = ["timeout"];
        var queued = await QueueAsync(cluster, "Silent");

        // Every attempt of every call runs out of time (the client's timeouts run on the portal's clock, moved here);
        // the delivery records why and when it tries again.
        TicketDelivery? delivery = null;
        using (ClockTicking())
        {
            for (var i = 0; i < 300 && delivery?.LastError is null; i++)
            {
                await Task.Delay(100);
                delivery = await factory.WithDatabaseAsync(db => db.TicketDeliveries.AsNoTracking().SingleAsync(d => d.TicketId == queued));
            }
        }

        Assert.NotNull(delivery);
        Assert.Contains("Zendesk did not answer within 0.5 s", delivery.LastError, StringComparison.Ordinal);
        Assert.True(delivery.NextAttemptAt > delivery.CreatedAt);
        Assert.Null(delivery.DeliveredAt);

        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var form = (await member.GetDocumentAsync($"/Clusters/{cluster}/Support")).QuerySelector<IHtmlFormElement>("form[action*='handler=Refresh']")!;
        HttpResponseMessage refresh;
        using (ClockTicking())
        {
            refresh = await member.SubmitAsync(form, new Dictionary<string, string>());
        }

        Assert.Equal(HttpStatusCode.Redirect, refresh.StatusCode);
        var page = await member.GetDocumentAsync($"/Clusters/{cluster}/Support");
        Assert.Contains("Zendesk could not be reached", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        Zendesk.Options.FailureRate = 0;
        await DeliveredAsync(2);
        Assert.Single(Zendesk.Tickets, t => t["external_id"]?.GetValue<string>() == queued.ToString());
    }

    [Theory]
    [InlineData("valid", HttpStatusCode.NoContent)]
    [InlineData("forged", HttpStatusCode.Unauthorized)]
    [InlineData("stale", HttpStatusCode.Unauthorized)]
    [InlineData("missing", HttpStatusCode.Unauthorized)]
    public async Task The_webhook_accepts_only_fresh_correctly_signed_events(string kind, HttpStatusCode expected)
    {
        var zendeskId = await DeliveredTicketAsync("delivery-webhook-" + kind);
        Zendesk.SetStatus(zendeskId, "pending");
        var body = "{\"ticket\":{\"id\":\"" + zendeskId + "\",\"status\":\"pending\"}}";
        var timestamp = (kind == "stale" ? factory.Clock.GetUtcNow().AddMinutes(-6) : factory.Clock.GetUtcNow()).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var secret = kind == "forged" ? "not-the-secret" : "sandbox-webhook-secret";

        Zendesk.ClearRequests();

        var response = await PostWebhookAsync(body, kind == "missing" ? null : ZendeskWebhookVerifier.Sign(secret, timestamp, body), timestamp);

        Assert.Equal(expected, response.StatusCode);
        // An accepted event reads the ticket from Zendesk; a refused one reads nothing. (The status alone would not
        // show it: the sync, which runs as the portal starts, may have read the new status by itself.)
        var reads = Zendesk.Requests.Count(r => r.Path.EndsWith("/tickets/show_many.json", StringComparison.Ordinal) && r.Query.Contains(zendeskId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        if (expected == HttpStatusCode.NoContent)
        {
            Assert.Equal(1, reads);
            Assert.Equal(TicketStatus.AwaitingYourReply, await factory.WithDatabaseAsync(db =>
                db.SupportTickets.Where(t => t.ZendeskTicketId == zendeskId).Select(t => t.Status).SingleAsync()));
        }
        else
        {
            Assert.Equal(0, reads);
        }
    }

    [Fact]
    public async Task A_late_webhook_of_an_older_status_does_not_undo_the_newer_one()
    {
        var zendeskId = await DeliveredTicketAsync("delivery-late-webhook");
        Zendesk.SetStatus(zendeskId, "pending");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Zendesk.SetStatus(zendeskId, "solved");

        // The event of the solved ticket arrives first, the one of its earlier pending state a little later.
        foreach (var (status, seconds) in new[] { ("solved", 0), ("pending", 1) })
        {
            var body = "{\"ticket\":{\"id\":\"" + zendeskId + "\",\"status\":\"" + status + "\"}}";
            var timestamp = factory.Clock.GetUtcNow().AddSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ssZ");
            var response = await PostWebhookAsync(body, ZendeskWebhookVerifier.Sign("sandbox-webhook-secret", timestamp, body), timestamp);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.Equal(TicketStatus.Solved, await factory.WithDatabaseAsync(db =>
            db.SupportTickets.Where(t => t.ZendeskTicketId == zendeskId).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_state_read_from_Zendesk_before_the_one_recorded_is_not_recorded_over_it()
    {
        var zendeskId = await DeliveredTicketAsync("delivery-slow-read");
        var delivered = await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.ZendeskTicketId == zendeskId).Select(t => t.ZendeskUpdatedAt).SingleAsync());
        Assert.NotNull(delivered);
        var at = delivered.Value.AddMinutes(5);

        await factory.WithDatabaseAsync(async db =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<MxAzurePortal.Application.Security.TenantScope>().OpenToAllOrganisations();
            var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
            await tickets.ApplyAsync([new DeskTicket(zendeskId, null, "solved", at)], CancellationToken.None);
            await tickets.ApplyAsync([new DeskTicket(zendeskId, null, "pending", at.AddSeconds(-30))], CancellationToken.None);
            return 0;
        });

        var recorded = await factory.WithDatabaseAsync(db => db.SupportTickets.AsNoTracking().SingleAsync(t => t.ZendeskTicketId == zendeskId));
        Assert.Equal((TicketStatus.Solved, "solved", (DateTimeOffset?)at), (recorded.Status, recorded.ZendeskStatus, recorded.ZendeskUpdatedAt));
    }

    [Fact]
    public async Task A_replayed_webhook_is_refused()
    {
        var zendeskId = await DeliveredTicketAsync("delivery-replay");
        var body = "{\"ticket\":{\"id\":\"" + zendeskId + "\",\"status\":\"solved\"}}";
        var timestamp = factory.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ");
        var signature = ZendeskWebhookVerifier.Sign("sandbox-webhook-secret", timestamp, body);

        var first = await PostWebhookAsync(body, signature, timestamp);
        var replay = await PostWebhookAsync(body, signature, timestamp);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
    }

    [Fact]
    public async Task The_periodic_sync_follows_the_export_cursor_and_records_changes_once()
    {
        var zendeskId = await DeliveredTicketAsync("delivery-sync");
        Zendesk.SetStatus(zendeskId, "pending");

        var first = await SyncOnceAsync();
        var again = await SyncOnceAsync();

        Assert.True(first >= 1);
        Assert.Equal(0, again);
        Assert.Equal(TicketStatus.AwaitingYourReply, await factory.WithDatabaseAsync(db =>
            db.SupportTickets.Where(t => t.ZendeskTicketId == zendeskId).Select(t => t.Status).SingleAsync()));
        Assert.NotNull(await factory.WithDatabaseAsync(db => db.SyncCursors.Select(c => c.Cursor).SingleAsync()));
        Assert.Contains(Zendesk.Requests, r => r.Path.EndsWith("/incremental/tickets/cursor.json", StringComparison.Ordinal) && r.Query.Contains("cursor=", StringComparison.Ordinal));
    }

    private async Task<int> SyncOnceAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MxAzurePortal.Application.Security.TenantScope>().OpenToAllOrganisations();
        return await scope.ServiceProvider.GetRequiredService<TicketSync>().RunOnceAsync(CancellationToken.None);
    }

    public void Dispose() => factory.Dispose();

    /// <summary>A ticket stored with its outbox entry, as the form stores it, for the worker to deliver.</summary>
    private Task<Guid> QueueAsync(Guid cluster, string subject, string description = "d") =>
        factory.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Clusters.Where(c => c.Id == cluster).Select(c => c.OrganisationId).SingleAsync();
            var ticket = new SupportTicket { OrganisationId = organisation, ClusterId = cluster, Subject = subject, Description = description, CreatedBy = "t" };
            TicketService.Queue(db, ticket, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return ticket.Id;
        });

    private async Task<long> DeliveredTicketAsync(string clusterName)
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, clusterName);
        await QueueAsync(cluster, "Webhook");
        await DeliveredAsync(1);
        return await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.ClusterId == cluster).Select(t => t.ZendeskTicketId!.Value).SingleAsync());
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string body, string? signature, string timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/zendesk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("X-Zendesk-Webhook-Signature", signature);
            request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        }

        return await factory.CreateDefaultClient().SendAsync(request);
    }

    /// <summary>Moves the portal's clock a quarter second every 50 ms until disposed.</summary>
    private Ticking ClockTicking() => new(factory.Clock);

    private sealed class Ticking : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task ticking;

        public Ticking(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock) => ticking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                clock.Advance(TimeSpan.FromMilliseconds(250));
                await Task.Delay(50, CancellationToken.None);
            }
        });

        public void Dispose()
        {
            stop.Cancel();
            ticking.Wait();
            stop.Dispose();
        }
    }

    /// <summary>Waits until every delivery is done, moving the portal's clock so retries come due; Zendesk recovers after a while.</summary>
    private async Task DeliveredAsync(int atLeast, TimeSpan? recoverAfter = null)
    {
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(90))
        {
            if (recoverAfter is { } recover && DateTime.UtcNow - started > recover)
            {
                Zendesk.Options.FailureRate = 0;
            }

            var pending = await factory.WithDatabaseAsync(db => db.TicketDeliveries.CountAsync(d => d.DeliveredAt == null));
            var done = await factory.WithDatabaseAsync(db => db.TicketDeliveries.CountAsync(d => d.DeliveredAt != null));
            if (pending == 0 && done >= atLeast)
            {
                return;
            }

            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        throw new TimeoutException("Deliveries did not finish.");
    }
}
