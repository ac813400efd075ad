using System.Net;
using System.Net.Http.Json;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Committees;

/// <summary>The secretariat changes a member's seat, records the day the member left and takes a mistaken end back.</summary>
public sealed class MemberChangesTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Slug = "malopolska";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    // 6 December 2026, 10:00 in Warsaw.
    private TestClock Clock { get; } = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database) { Clock = Clock };

    [Fact]
    public async Task Secretary_changes_a_members_address_institution_and_term_and_the_reminder_follows()
    {
        var secretary = ClientAs(Policies.Roles.Secretary, Slug);
        var (committeeId, memberId) = await AddMemberAsync(secretary);
        var url = $"/{Slug}/komitety/{committeeId}/czlonkowie/{memberId}";

        var invalid = await PostAsync(secretary, url, null, Fields(("Member.Institution", ""), ("Member.TermTo", "2025-01-01")));
        var errors = await invalid.Content.ReadAsStringAsync(Ct);
        var response = await PostAsync(secretary, url, null, Fields(("Member.Email", "m.wisniewska@owes.example"),
            ("Member.Institution", "OWES Tarnów"), ("Member.Role", "Chair"), ("Member.TermTo", "2028-06-30")));

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Podaj instytucję.", errors);
        Assert.Contains("Koniec kadencji nie może być przed jej początkiem.", errors);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var member = await MemberAsync(secretary, committeeId, memberId);
        Assert.Equal(("OWES Tarnów", "chair", new DateOnly(2026, 1, 15), new DateOnly(2028, 6, 30)),
            (member.Institution, member.Role, member.TermFrom, member.TermTo));
        // The new address is read when the reminder fires (TermEndingRemindersTests); the end moved with the term.
        Assert.Equal(new DateOnly(2028, 6, 30), Assert.Single(await TermRemindersAsync(memberId)).Deadline);
    }

    [Fact]
    public async Task A_term_shortened_to_end_within_the_reminders_lead_time_is_reminded_the_next_morning()
    {
        var secretary = ClientAs(Policies.Roles.Secretary, Slug);
        var (committeeId, memberId) = await AddMemberAsync(secretary);

        // Małopolska reminds 60 days ahead; 14 January 2027 is 39 days away.
        var response = await PostAsync(secretary, $"/{Slug}/komitety/{committeeId}/czlonkowie/{memberId}", null, Fields(("Member.TermTo", "2027-01-14")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reminder = Assert.Single(await TermRemindersAsync(memberId));
        Assert.Equal((new DateOnly(2027, 1, 14), new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero)), (reminder.Deadline, reminder.DueAt));
    }

    [Fact]
    public async Task Secretary_records_the_day_a_member_left_which_must_lie_within_the_term_and_not_ahead_and_can_take_it_back()
    {
        var secretary = ClientAs(Policies.Roles.Secretary, Slug);
        var (committeeId, memberId) = await AddMemberAsync(secretary);
        var url = $"/{Slug}/komitety/{committeeId}/czlonkowie/{memberId}";
        var reminder = Assert.Single(await TermRemindersAsync(memberId)).Deadline;

        var ahead = await (await PostAsync(secretary, url, "Leave", [new("LeftOn", "2026-12-07")])).Content.ReadAsStringAsync(Ct);
        var beforeTerm = await (await PostAsync(secretary, url, "Leave", [new("LeftOn", "2026-01-14")])).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Członkostwo można zakończyć najpóźniej dziś (6 grudnia 2026 r.).", ahead);
        Assert.Contains("Kadencja zaczęła się 15 stycznia 2026 r.: członkostwo nie mogło skończyć się wcześniej.", beforeTerm);
        Assert.Null((await MemberAsync(secretary, committeeId, memberId)).LeftOn);

        var left = await PostAsync(secretary, url, "Leave", [new("LeftOn", "2026-11-30")]);

        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 30), (await MemberAsync(secretary, committeeId, memberId)).LeftOn);
        Assert.Empty(await TermRemindersAsync(memberId));
        var committees = await secretary.GetFromJsonAsync<List<CommitteeSummaryDto>>($"/{Slug}/api/v1/committees", Ct);
        Assert.Equal(0, committees!.Single(c => c.Id == committeeId).Members); // no longer sitting
        Assert.Contains("Członkostwo zakończone 30 listopada 2026 r.<", await secretary.GetStringAsync(url, Ct));
        var composition = await secretary.GetStringAsync($"/{Slug}/komitety/{committeeId}", Ct);
        var formerAt = composition.IndexOf("Byli członkowie (1)", StringComparison.Ordinal);
        Assert.True(formerAt > 0 && composition.IndexOf("Maria Wiśniewska", StringComparison.Ordinal) > formerAt, "she is listed among former members only");
        Assert.Contains("15.01.2026 – 14.01.2029 <br /><span>zakończył(a) członkostwo 30.11.2026</span>", composition);
        var english = await secretary.GetStringAsync($"/{Slug}/komitety/{committeeId}?culture=en-GB&ui-culture=en-GB", Ct);
        Assert.Contains("15/01/2026 – 14/01/2029 <br /><span>membership ended 30/11/2026</span>", english);
        var termBeforeLeaving = await (await PostAsync(secretary, url, null, Fields(("Member.TermTo", "2026-10-31")))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Członkostwo zakończono 30 listopada 2026 r.: kadencja nie może skończyć się wcześniej.", termBeforeLeaving);

        var undone = await PostAsync(secretary, url, "UndoLeave", []);

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Null((await MemberAsync(secretary, committeeId, memberId)).LeftOn);
        Assert.Equal(reminder, Assert.Single(await TermRemindersAsync(memberId)).Deadline); // as scheduled when the member was added
    }

    [Fact]
    public async Task A_seat_whose_person_was_erased_is_shown_but_cannot_be_changed()
    {
        var secretary = ClientAs(Policies.Roles.Secretary, Slug);
        var (committeeId, memberId) = await AddMemberAsync(secretary);
        (await ClientAs(Policies.Roles.TenantAdmin, Slug).PostAsJsonAsync($"/{Slug}/api/v1/privacy/erasures",
            new { email = "maria@owes.example", reason = "Żądanie osoby z dnia 1 grudnia 2026 r." }, Ct)).EnsureSuccessStatusCode();
        var url = $"/{Slug}/komitety/{committeeId}/czlonkowie/{memberId}";

        var page = await secretary.GetStringAsync(url, Ct);
        var forged = await secretary.PostAsync(url, new FormUrlEncodedContent(Fields(("Member.FullName", "Maria Wiśniewska"))
            .Append(new("__RequestVerificationToken", SignInClient.AntiforgeryToken(page)))), Ct);

        Assert.Contains("Tego zapisu nie można zmienić.", page);
        Assert.DoesNotContain("name=\"Member.FullName\"", page);
        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
        Assert.Equal("[dane usunięte]", (await MemberAsync(secretary, committeeId, memberId)).Name);
    }

    [Fact]
    public async Task Another_regions_secretary_cannot_open_or_change_a_member_and_a_member_is_found_only_under_its_committee()
    {
        var secretary = ClientAs(Policies.Roles.Secretary, Slug);
        var (committeeId, memberId) = await AddMemberAsync(secretary);
        var mazowsze = ClientAs(Policies.Roles.Secretary, "mazowsze");
        var otherCommittee = (await secretary.GetFromJsonAsync<List<CommitteeSummaryDto>>($"/{Slug}/api/v1/committees", Ct))!.First(c => c.Id != committeeId).Id;
        var form = await mazowsze.GetStringAsync("/mazowsze/komitety/edycja", Ct);

        Assert.Equal(HttpStatusCode.NotFound, (await mazowsze.GetAsync($"/mazowsze/komitety/{committeeId}/czlonkowie/{memberId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mazowsze.GetAsync($"/{Slug}/komitety/{committeeId}/czlonkowie/{memberId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/{Slug}/komitety/{otherCommittee}/czlonkowie/{memberId}", Ct)).StatusCode);
        foreach (var handler in new[] { "", "?handler=Leave", "?handler=UndoLeave" })
        {
            var forged = await mazowsze.PostAsync($"/mazowsze/komitety/{committeeId}/czlonkowie/{memberId}{handler}", new FormUrlEncodedContent(
                Fields(("Member.FullName", "X"), ("LeftOn", "2026-12-01")).Append(new("__RequestVerificationToken", SignInClient.AntiforgeryToken(form)))), Ct);
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }
        var member = await MemberAsync(secretary, committeeId, memberId);
        Assert.Equal(("Maria Wiśniewska", null), (member.Name, member.LeftOn));
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientAs(Policies.Roles.Implementer, Slug).GetAsync($"/{Slug}/komitety/{committeeId}/czlonkowie/{memberId}", Ct)).StatusCode);
    }

    /// <summary>Maria Wiśniewska added to MKRES through the committee page, term 15 January 2026 – 14 January 2029.</summary>
    private async Task<(Guid CommitteeId, Guid MemberId)> AddMemberAsync(HttpClient secretary)
    {
        var committeeId = (await secretary.GetFromJsonAsync<List<CommitteeSummaryDto>>($"/{Slug}/api/v1/committees", Ct))!.Single(c => c.ShortName == "MKRES").Id;
        var page = await secretary.GetStringAsync($"/{Slug}/komitety/{committeeId}", Ct);
        var added = await secretary.PostAsync($"/{Slug}/komitety/{committeeId}?handler=Member", new FormUrlEncodedContent(Fields(("Member.TermTo", ""))
            .Append(new("__RequestVerificationToken", SignInClient.AntiforgeryToken(page)))), Ct);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return (committeeId, (await MemberAsync(secretary, committeeId, null)).Id);
    }

    /// <summary>The member's stored fields with <paramref name="changes"/> applied: the whole form, as the page posts it.</summary>
    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Member.FullName"] = "Maria Wiśniewska", ["Member.Email"] = "maria@owes.example", ["Member.Institution"] = "OWES Kraków",
            ["Member.Seat"] = "SupportCentre", ["Member.Role"] = "Member", ["Member.TermFrom"] = "2026-01-15", ["Member.TermTo"] = "2029-01-14",
        };
        foreach (var (name, value) in changes) fields[name] = value;
        return [.. fields];
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? handler, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(url, Ct);
        fields.Add(new("__RequestVerificationToken", SignInClient.AntiforgeryToken(page)));
        return await client.PostAsync(handler is null ? url : $"{url}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    private static async Task<MemberDto> MemberAsync(HttpClient client, Guid committeeId, Guid? memberId)
    {
        var committee = await client.GetFromJsonAsync<CommitteeDto>($"/{Slug}/api/v1/committees/{committeeId}", Ct);
        return memberId is null ? committee!.Members.Single() : committee!.Members.Single(m => m.Id == memberId);
    }

    private async Task<List<Reminder>> TermRemindersAsync(Guid memberId)
    {
        await using var scope = App.ScopeFor(Slug);
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<Reminder>()
            .Where(r => r.Kind == "termEnding" && r.SubjectId == memberId && r.State == ReminderState.Scheduled).ToListAsync(Ct);
    }
}
