using System.Net;
using EsRegions.IntegrationTests.Features.Meetings;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Infrastructure;

/// <summary>
/// A save with many new rows of a kind writes them with one statement per table (BulkInsert): the rows, their audit
/// entries and what the rest of the app does with them must be exactly as with EF's row-by-row INSERTs, and a failed
/// save must store nothing.
/// </summary>
public sealed class BulkInsertTests(PostgresServer postgres) : MeetingMailTestBase(postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private HttpClient Secretary => ClientAs(Policies.Roles.Secretary, "malopolska");

    [Fact]
    public async Task A_fan_out_of_150_stores_invitations_links_emails_and_audit_rows_and_every_link_and_email_works()
    {
        var meeting = await Secretary.CreateMeetingAsync("malopolska");
        var people = Enumerable.Range(1, 150).Select(i => ($"Osoba {i}", $"osoba{i}@owes.example")).ToArray();

        var batch = await Secretary.InviteAsync("malopolska", meeting, people);

        Assert.Equal(150, batch.Queued);
        await using (var scope = App.ScopeFor("malopolska"))
        {
            var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
            var invitations = await db.Set<Invitation>().Where(i => i.MeetingId == meeting).ToListAsync(Ct);
            Assert.Equal(people.Select(p => p.Item2).Order(), invitations.Select(i => i.Email).Order());
            Assert.All(invitations, i => Assert.Equal((RsvpStatus.Pending, App.TenantId("malopolska")), (i.Status, i.TenantId)));
            Assert.Equal("Osoba 7", invitations.Single(i => i.Email == "osoba7@owes.example").Name);
            var ids = invitations.Select(i => i.Id).ToList();
            Assert.Equal(150, await db.Set<EmailLink>().CountAsync(l => ids.Contains(l.SubjectId), Ct));
            var audit = await db.AuditEntries.Where(a => a.Entity == nameof(Invitation) && a.Action == "insert").ToListAsync(Ct);
            Assert.Equal(150, audit.Count);
            Assert.Single(audit, a => a.NewValues!.Contains("\"osoba7@owes.example\"") && a.NewValues.Contains("\"Osoba 7\""));
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Entity == nameof(EmailLink), Ct)); // [NotAudited], as before
            var outbox = await db.Set<OutboxMessage>().Where(m => m.ToAddress.EndsWith("@owes.example")).ToListAsync(Ct);
            Assert.Equal(150, outbox.Count);
            Assert.All(outbox, m => Assert.Empty(m.Attachments));
        }
        // Another region sees none of them.
        await using (var other = App.ScopeFor("mazowsze"))
            Assert.Equal(0, await other.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Invitation>().CountAsync(Ct));

        Assert.Equal(150, await DispatchUntilIdleAsync());
        var message = Assert.Single(await Mail!.MessagesToAsync("osoba150@owes.example"));
        var page = await Person().GetAsync(message.RsvpPath(), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Posiedzenie MKRES", await page.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Rows_written_in_bulk_are_tracked_afterwards_so_a_later_change_in_the_same_scope_is_saved()
    {
        var meeting = await Secretary.CreateMeetingAsync("malopolska");
        await using var scope = App.ScopeFor("malopolska");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var loaded = await db.Set<Meeting>().SingleAsync(m => m.Id == meeting, Ct);
        await scope.ServiceProvider.GetRequiredService<MeetingInvitations>()
            .InviteAsync(loaded, Enumerable.Range(1, 120).Select(i => new Recipient($"r{i}@owes.example", $"R {i}")), "test", Ct);
        await db.SaveChangesAsync(Ct);

        var invitation = db.ChangeTracker.Entries<Invitation>().Select(e => e.Entity).Single(i => i.Email == "r5@owes.example");
        Assert.Equal(EntityState.Unchanged, db.Entry(invitation).State);
        invitation.RecordAttendance(true);
        await db.SaveChangesAsync(Ct);

        await using var check = App.ScopeFor("malopolska");
        var stored = await check.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Invitation>().SingleAsync(i => i.Email == "r5@owes.example", Ct);
        Assert.True(stored.Attended);
    }

    [Fact]
    public async Task A_bulk_save_that_fails_stores_nothing_and_leaves_its_rows_new()
    {
        await EnqueueAsync("malopolska", "test:bulk:taken", "zajety@example.org");
        await using var scope = App.ScopeFor("malopolska");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var content = composer.Compose(new EmailBody("Partia", ["Treść."]));
        for (var i = 0; i < 119; i++) outbox.EnqueueUnderNewKey($"test:bulk:{i}", new EmailAddress($"adres{i}@example.org", null), content);
        outbox.EnqueueUnderNewKey("test:bulk:taken", new EmailAddress("drugi@example.org", null), content); // the unique key is taken

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.Equal(120, db.ChangeTracker.Entries<OutboxMessage>().Count(e => e.State == EntityState.Added));
        Assert.Single(await OutboxAsync("malopolska"));
    }
}
