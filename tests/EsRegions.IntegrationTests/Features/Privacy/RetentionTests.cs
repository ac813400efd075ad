using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Privacy;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Privacy;

/// <summary>
/// The daily retention job on a real Hangfire server with the fake clock. Mazowsze's tenant.json keeps sent e-mails
/// 365 days, consultation participants and meeting invitations 24 months, erasure records 5 years.
/// </summary>
public sealed class RetentionTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestClock Clock { get; } = new(Now);

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database) { Clock = Clock };

    [Fact]
    public async Task Hangfire_retention_run_deletes_and_anonymises_only_what_is_older_than_each_setting()
    {
        var sentOld = await App.MailAsync("mazowsze", "stary@example.org", OutboxState.Sent, Now.AddDays(-400));
        var sentRecent = await App.MailAsync("mazowsze", "nowy@example.org", OutboxState.Sent, Now.AddDays(-300));
        var failedOld = await App.MailAsync("mazowsze", "blad@example.org", OutboxState.Failed, Now.AddDays(-400));
        var pendingOld = await App.MailAsync("mazowsze", "czeka@example.org", OutboxState.Pending, Now.AddDays(-400));
        var lubelskieOld = await App.MailAsync("lubelskie", "stary@example.org", OutboxState.Sent, Now.AddDays(-400));
        var (oldInvitation, recentInvitation) = await SeedInvitationsAsync();
        var (oldParticipant, recentParticipant, oldComment) = await SeedConsultationsAsync();
        var (oldErasure, recentErasure) = await SeedErasuresAsync();

        await RunRetentionOnHangfireAsync();

        var outbox = await App.QueryAsync("mazowsze", db => db.Set<OutboxMessage>().Select(m => m.Id).ToListAsync(Ct));
        Assert.Equal(new[] { sentRecent, pendingOld }.Order(), outbox.Order());
        Assert.DoesNotContain(sentOld, outbox);
        Assert.DoesNotContain(failedOld, outbox);
        Assert.Empty(await App.QueryAsync("lubelskie", db => db.Set<OutboxMessage>().Where(m => m.Id == lubelskieOld).ToListAsync(Ct)));

        var invitations = await App.QueryAsync("mazowsze", db => db.Set<Invitation>().ToListAsync(Ct));
        var old = invitations.Single(i => i.Id == oldInvitation);
        Assert.Equal((PersonRef.ErasedEmail(oldInvitation), PersonRef.ErasedLabel, RsvpStatus.Accepted), (old.Email, old.Name, old.Status));
        Assert.Equal(("ewa@example.org", "Ewa Nowa"), invitations.Single(i => i.Id == recentInvitation) is var r ? (r.Email, r.Name) : default);

        var participants = await App.QueryAsync("mazowsze", db => db.Set<ConsultationParticipant>().ToListAsync(Ct));
        var anonymised = participants.Single(p => p.Id == oldParticipant);
        Assert.Equal((PersonRef.ErasedLabel, PersonRef.ErasedEmail(oldParticipant), (string?)null), (anonymised.Name, anonymised.Email, anonymised.Organisation));
        var kept = participants.Single(p => p.Id == recentParticipant);
        Assert.Equal(("Piotr Świeży", "piotr@example.org", "Stowarzyszenie Nowe"), (kept.Name, kept.Email, kept.Organisation));
        // The comment stays in the report, now under the erased label.
        var comment = await App.QueryAsync("mazowsze", db => db.Set<ConsultationComment>().SingleAsync(c => c.Id == oldComment, Ct));
        Assert.Equal("Proszę doprecyzować wskaźnik.", comment.Text);
        var audit = await App.QueryAsync("mazowsze", async db => (await db.AuditEntries.Select(a => new { a.OldValues, a.NewValues }).ToListAsync(Ct)).Select(a => a.OldValues + a.NewValues).ToList());
        Assert.DoesNotContain(audit, a => a.Contains("anna.stara@example.org") || a.Contains("Anna Stara") || a.Contains("Adam Dawny"));
        Assert.Contains(audit, a => a.Contains("Piotr Świeży"));

        var erasures = await App.QueryAsync("mazowsze", db => db.Set<PersonalDataErasure>().Select(e => e.Id).ToListAsync(Ct));
        Assert.Equal([recentErasure], erasures);
        Assert.DoesNotContain(oldErasure, erasures);

        // A second run finds nothing more to do.
        var again = await App.Services.GetRequiredService<RetentionJob>().ApplyTenantAsync(App.TenantId("mazowsze"), Ct);
        Assert.Equal(0, again.Total);
    }

    private async Task RunRetentionOnHangfireAsync()
    {
        var storage = App.Services.GetRequiredService<JobStorage>();
        var activator = new AspNetCoreJobActivator(App.Services.GetRequiredService<IServiceScopeFactory>());
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = "retention-test", WorkerCount = 1, Activator = activator }, storage);
        var id = App.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<RetentionJob>(j => j.ApplyAllAsync(CancellationToken.None));
        var monitoring = storage.GetMonitoringApi();
        for (var i = 0; i < 300 && monitoring.JobDetails(id).History.All(h => h.StateName != "Succeeded"); i++) await Task.Delay(200, Ct);
        Assert.Contains(monitoring.JobDetails(id).History, h => h.StateName == "Succeeded");
        Assert.Equal(0, monitoring.FailedCount());
    }

    private async Task<(Guid Old, Guid Recent)> SeedInvitationsAsync()
    {
        await using var scope = App.ScopeFor("mazowsze");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        Meeting At(DateTimeOffset start)
        {
            var m = new Meeting("Posiedzenie MKRES", MeetingKind.Sitting, FuzzyDate.Exact(DateOnly.FromDateTime(start.UtcDateTime)));
            m.Schedule(m.Date, start, start.AddHours(2), "Warszawa", false, null);
            db.Add(m);
            return m;
        }
        var oldMeeting = At(Now.AddMonths(-25));
        var recentMeeting = At(Now.AddMonths(-23));
        var old = new Invitation(oldMeeting.Id, Guid.NewGuid(), "adam@example.org", "Adam Dawny", null, Now.AddMonths(-26));
        old.Respond(oldMeeting, RsvpStatus.Accepted, null, Now.AddMonths(-26));
        var recent = new Invitation(recentMeeting.Id, Guid.NewGuid(), "ewa@example.org", "Ewa Nowa", null, Now.AddMonths(-24));
        db.AddRange(old, recent);
        await db.SaveChangesAsync(Ct);
        return (old.Id, recent.Id);
    }

    private async Task<(Guid OldParticipant, Guid RecentParticipant, Guid OldComment)> SeedConsultationsAsync()
    {
        await using var scope = App.ScopeFor("mazowsze");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        ConsultationParticipant Published(DateOnly opens, DateOnly closes, string name, string email, string organisation, out Consultation consultation)
        {
            consultation = new Consultation($"Konsultacje {opens:yyyy-MM}", null, null, false, ConsultationSchedule.Create(opens, closes, false));
            var openedAt = new DateTimeOffset(opens.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
            consultation.Open(openedAt);
            var participant = new ConsultationParticipant(consultation.Id, new ParticipantCandidate(name, email, organisation), "list", openedAt);
            consultation.PublishReport(consultation.Schedule.ClosesAt.AddDays(10));
            db.AddRange(consultation, participant);
            return participant;
        }
        var old = Published(new DateOnly(2023, 9, 1), new DateOnly(2023, 10, 15), "Anna Stara", "anna.stara@example.org", "Fundacja Dawna", out var oldConsultation);
        var recent = Published(new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 15), "Piotr Świeży", "piotr@example.org", "Stowarzyszenie Nowe", out _);
        var comment = new ConsultationComment(oldConsultation.Id, old.Id, null, new CommentText("Proszę doprecyzować wskaźnik.", null, null),
            new DateTimeOffset(2023, 9, 10, 9, 0, 0, TimeSpan.Zero));
        db.Add(comment);
        await db.SaveChangesAsync(Ct);
        return (old.Id, recent.Id, comment.Id);
    }

    private async Task<(Guid Old, Guid Recent)> SeedErasuresAsync()
    {
        await using var scope = App.ScopeFor("mazowsze");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var counts = new Dictionary<string, int> { ["committeeMembers"] = 1 };
        var old = new PersonalDataErasure(new PersonRef("a@example.org"), "user:admin", "Żądanie z 2020 r.", counts, Now.AddYears(-6));
        var recent = new PersonalDataErasure(new PersonRef("b@example.org"), "user:admin", "Żądanie z 2022 r.", counts, Now.AddYears(-4));
        db.AddRange(old, recent);
        await db.SaveChangesAsync(Ct);
        return (old.Id, recent.Id);
    }
}
