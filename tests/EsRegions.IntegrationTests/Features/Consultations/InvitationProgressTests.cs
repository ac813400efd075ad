using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Security;

namespace EsRegions.IntegrationTests.Features.Consultations;

/// <summary>The progress of the invitations sent at opening, counted from the outbox: API and page, one region only.</summary>
public sealed class InvitationProgressTests(PostgresServer postgres) : ConsultationTestBase(postgres)
{
    [Fact]
    public async Task Opening_shows_queued_then_sent_invitations_on_the_page_and_in_the_api()
    {
        var id = (await CreateAsync()).Id;
        var people = Enumerable.Range(1, 30).Select(i => ($"Osoba {i}", $"osoba{i}@ngo.example", (string?)"Stowarzyszenie")).ToArray();
        await AddParticipantsAsync(id, people);
        var (page, html) = await StaffPageAsync($"/{Slug}/konsultacje/{id}");

        var opened = await StaffPostAsync($"/{Slug}/konsultacje/{id}?handler=Open", page, html, []);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/{Slug}/konsultacje/{id}/wysylka", opened.Headers.Location!.ToString());
        var before = await Staff.GetFromJsonAsync<OutboxCounts>($"/{Slug}/api/v1/consultations/{id}/invitations", Ct);
        var queuedPage = await Staff.GetStringAsync(opened.Headers.Location, Ct);
        await DispatchUntilIdleAsync();
        var after = await Staff.GetFromJsonAsync<OutboxCounts>($"/{Slug}/api/v1/consultations/{id}/invitations", Ct);
        var sentPage = await Staff.GetStringAsync(opened.Headers.Location, Ct);

        Assert.Equal((30, 30, 0, 0), (before!.Queued, before.Pending, before.Sent, before.Failed));
        Assert.Equal((30, 0, 30, 0), (after!.Queued, after.Pending, after.Sent, after.Failed));
        Assert.Contains("w kolejce: 30", queuedPage);
        Assert.Contains("aria-live=\"polite\"", queuedPage);
        Assert.Contains(">Odśwież</a>", queuedPage); // works without JavaScript
        Assert.Contains("wysłane: 30", sentPage);
        Assert.Contains("Wszystkie wiadomości zostały wysłane.", sentPage);
        Assert.DoesNotContain(">Odśwież</a>", sentPage);
        Assert.Equal(30, (await Mail!.EmailsAsync()).Count);
    }

    [Fact]
    public async Task Another_region_cannot_see_the_progress_of_the_invitations()
    {
        var id = await OpenWithTwoParticipantsAsync();
        var mazowsze = ClientAs(Policies.Roles.Staff, "mazowsze");

        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/api/v1/consultations/{id}/invitations", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/konsultacje/{id}/wysylka", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Staff.GetAsync($"/{Slug}/konsultacje/{id}/wysylka", Ct)).StatusCode);
    }
}
