using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Consultations;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Consultations;

/// <summary>Participants taken from a committee or working group, through the API and the staff page, and never across regions.</summary>
public sealed class CommitteeParticipantsTests(PostgresServer postgres) : ConsultationTestBase(postgres)
{
    private const string GroupName = "Grupa robocza ds. konsultacji RPD";

    [Fact]
    public async Task Sitting_members_with_an_email_become_participants_and_the_rest_are_skipped_and_reported()
    {
        var group = await CommitteeAsync(Slug, GroupName,
            ("Anna Nowak", "anna@fundacja.example", "Fundacja Razem", null),
            ("Piotr Brak", null, "Gmina Wieliczka", null),
            ("Ewa Zielińska", "ewa@owes.example", "OWES Kraków", null),
            ("Zofia Duplikat", "EWA@owes.example", "OWES Kraków", null),
            ("Marek Odszedł", "marek@ops.example", "MOPS", new DateOnly(2025, 6, 30)));
        var id = (await CreateAsync()).Id;
        await AddParticipantsAsync(id, ("Anna Nowak", "anna@fundacja.example", "Fundacja Razem"));

        var response = await Staff.PostAsJsonAsync($"/{Slug}/api/v1/consultations/{id}/participants", new { committeeId = group }, Ct);
        var added = (await response.Content.ReadFromJsonAsync<ParticipantsAddedDto>(Ct))!;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((1, 1), (added.Added, added.AlreadyThere));
        Assert.Equal(["Piotr Brak: brak adresu e-mail", "Zofia Duplikat: adres EWA@owes.example powtarza się"], added.Skipped.Order());
        var people = (await Staff.GetFromJsonAsync<List<ParticipantDto>>($"/{Slug}/api/v1/consultations/{id}/participants", Ct))!;
        var ewa = Assert.Single(people, p => p.Source == CommitteeParticipantSource.SourceKey);
        Assert.Equal(("Ewa Zielińska", "ewa@owes.example", "OWES Kraków"), (ewa.Name, ewa.Email, ewa.Organisation));
        Assert.DoesNotContain(people, p => p.Name == "Marek Odszedł");

        Assert.Equal(2, await OpenAsync(id));
        await DispatchUntilIdleAsync();
        Assert.Matches(ReplyLink(), (await EmailsToAsync("ewa@owes.example")).Single().GetProperty("text").GetString()!);
    }

    [Fact]
    public async Task Another_regions_committee_id_is_refused_and_none_of_its_members_are_added()
    {
        var foreign = await CommitteeAsync("mazowsze", "Mazowiecki Komitet Rozwoju Ekonomii Społecznej", ("Jan Obcy", "jan@mazowsze.example", "MCPS", null));
        var id = (await CreateAsync()).Id;

        var response = await Staff.PostAsJsonAsync($"/{Slug}/api/v1/consultations/{id}/participants", new { committeeId = foreign }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var (page, _) = await StaffPageAsync($"/{Slug}/konsultacje/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Nie ma takiego komitetu ani grupy roboczej.", problem.GetProperty("errors").GetProperty("committeeId")[0].GetString());
        Assert.Empty((await Staff.GetFromJsonAsync<List<ParticipantDto>>($"/{Slug}/api/v1/consultations/{id}/participants", Ct))!);
        Assert.DoesNotContain(foreign.ToString(), await page.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_staff_page_offers_the_regions_committees_in_a_labelled_drop_down_and_adds_the_chosen_members()
    {
        var group = await CommitteeAsync(Slug, GroupName, ("Ewa Zielińska", "ewa@owes.example", "OWES Kraków", null), ("Piotr Brak", null, "Gmina", null));
        var id = (await CreateAsync()).Id;
        var (page, html) = await StaffPageAsync($"/{Slug}/konsultacje/{id}");

        Assert.Contains("<label for=\"choice-committee\" class=\"form-label\">Komitet lub grupa robocza</label>", html);
        Assert.Contains($"<option value=\"{group}\">{GroupName}</option>", html);
        var response = await StaffPostAsync($"/{Slug}/konsultacje/{id}?handler=Participants", page, html, new()
        {
            ["Source"] = CommitteeParticipantSource.SourceKey,
            ["Choice"] = group.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var back = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
        back.Headers.Add("Cookie", string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var result = await (await Staff.SendAsync(back, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Dodano uczestników: 1; już byli na liście: 0.", result);
        Assert.Contains("<li>Piotr Brak: brak adresu e-mail</li>", result);
        var person = Assert.Single((await Staff.GetFromJsonAsync<List<ParticipantDto>>($"/{Slug}/api/v1/consultations/{id}/participants", Ct))!);
        Assert.Equal(("Ewa Zielińska", "OWES Kraków", "committee"), (person.Name, person.Organisation, person.Source));
    }

    [Fact]
    public async Task The_openapi_document_describes_committee_id_as_the_alternative_to_a_list()
    {
        var document = await Browser().GetStringAsync("/openapi/v1.json", Ct);
        var schemas = JsonDocument.Parse(document).RootElement.GetProperty("components").GetProperty("schemas");

        var properties = schemas.GetProperty(nameof(AddParticipantsRequest)).GetProperty("properties");
        Assert.True(properties.TryGetProperty("committeeId", out _));
        Assert.True(properties.TryGetProperty("participants", out _));
    }

    /// <summary>A working group of the region with members (term 2025–2027; a leave date ends a seat).</summary>
    private async Task<Guid> CommitteeAsync(string slug, string name, params (string Name, string? Email, string Institution, DateOnly? Left)[] members)
    {
        await using var scope = App.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var committee = new Committee(null, name, null, CommitteeKind.WorkingGroup, null, "Opiniowanie projektów planów.", [], null);
        db.Add(committee);
        foreach (var m in members)
        {
            var member = new CommitteeMember(committee.Id, m.Name, m.Email, m.Institution, SeatCategory.SocialEconomyEntity, MemberRole.Member,
                new DateOnly(2025, 1, 1));
            if (m.Left is { } left) member.Leave(left);
            db.Add(member);
        }
        await db.SaveChangesAsync(Ct);
        return committee.Id;
    }
}
