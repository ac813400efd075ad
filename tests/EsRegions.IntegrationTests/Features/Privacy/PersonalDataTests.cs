using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EsRegions.IntegrationTests.Features.Meetings;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Privacy;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Privacy;

public sealed class PersonalDataTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Jan = "jan.nowak@example.org";
    private const string Ewa = "ewa.kowalska@example.org";
    private const string Password = "bardzo-dlugie-haslo-42";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));

    protected override EsRegionsAppFactory CreateFactory(TestDatabase database) => new(database) { Clock = Clock };

    private HttpClient Admin(string slug) => ClientAs(Policies.Roles.TenantAdmin, slug);

    /// <summary>Jan and Ewa in Mazowsze: seats, an invitation each (with its e-mail and RSVP link), a failed e-mail, Jan's account.</summary>
    private async Task<(Guid JanSeat, Guid EwaSeat, Guid MeetingId)> SeedMazowszeAsync()
    {
        var janSeat = await App.SeatAsync("mazowsze", "Jan Nowak", "Jan.Nowak@Example.org");
        var ewaSeat = await App.SeatAsync("mazowsze", "Ewa Kowalska", Ewa);
        var secretary = ClientAs("Secretary,Staff", "mazowsze");
        var meeting = await secretary.CreateMeetingAsync("mazowsze");
        await secretary.InviteAsync("mazowsze", meeting, ("Jan Nowak", Jan), ("Ewa Kowalska", Ewa));
        await App.MailAsync("mazowsze", Jan, OutboxState.Failed, Clock.GetUtcNow());
        await App.CreateUserAsync(Jan, Password, "mazowsze", Policies.Roles.Staff);
        return (janSeat, ewaSeat, meeting);
    }

    private async Task<JsonElement> ExportAsync(HttpClient admin, string slug, string email)
    {
        var response = await admin.GetAsync($"/{slug}/api/v1/privacy/export?email={Uri.EscapeDataString(email)}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static int Count(JsonElement export, string section) => export.GetProperty("sections").GetProperty(section).GetArrayLength();

    private async Task<HttpResponseMessage> EraseAsync(HttpClient admin, string slug, string? email, string? reason = "Żądanie osoby z dnia 1 marca 2026 r.") =>
        await admin.PostAsJsonAsync($"/{slug}/api/v1/privacy/erasures", new { email, reason }, Ct);

    [Fact]
    public async Task Export_finds_the_person_in_every_owned_section_case_insensitively_and_nobody_else()
    {
        await SeedMazowszeAsync();

        var export = await ExportAsync(Admin("mazowsze"), "mazowsze", "  JAN.NOWAK@example.ORG ");

        Assert.Equal("mazowsze", export.GetProperty("tenant").GetString());
        Assert.Equal("JAN.NOWAK@example.ORG", export.GetProperty("person").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero), export.GetProperty("exportedAt").GetDateTimeOffset());
        Assert.Equal(1, Count(export, "committeeMembers"));
        Assert.Equal("Jan Nowak", export.GetProperty("sections").GetProperty("committeeMembers")[0].GetProperty("fullName").GetString());
        Assert.Equal(1, Count(export, "meetingInvitations"));
        Assert.Equal("pending", export.GetProperty("sections").GetProperty("meetingInvitations")[0].GetProperty("status").GetString()!.ToLowerInvariant());
        Assert.Equal(1, Count(export, "account"));
        Assert.Equal(["Staff"], export.GetProperty("sections").GetProperty("account")[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(2, Count(export, "emails")); // the invitation and the failed message
        Assert.DoesNotContain(Ewa, export.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Kowalska", export.GetRawText());
    }

    [Fact]
    public async Task Erasure_anonymises_and_deletes_exactly_that_person_and_is_audited_without_the_address()
    {
        var (janSeat, ewaSeat, meeting) = await SeedMazowszeAsync();

        var response = await EraseAsync(Admin("mazowsze"), "mazowsze", Jan);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var counts = result.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("committeeMembers").GetInt32());
        Assert.Equal(1, counts.GetProperty("meetingInvitations").GetInt32());
        Assert.Equal(2, counts.GetProperty("account").GetInt32()); // membership and account (no other region)
        Assert.Equal(2, counts.GetProperty("emails").GetInt32());
        Assert.Equal(6, result.GetProperty("total").GetInt32());

        var seats = await App.QueryAsync("mazowsze", db => db.Set<CommitteeMember>().Where(m => m.Id == janSeat || m.Id == ewaSeat).ToListAsync(Ct));
        var jan = seats.Single(s => s.Id == janSeat);
        Assert.Equal((PersonRef.ErasedLabel, null, PersonRef.ErasedLabel, null), (jan.FullName, jan.Email, jan.Institution, jan.FeedTokenHash));
        Assert.Equal((MemberRole.Member, new DateOnly(2025, 1, 1)), (jan.Role, jan.TermFrom)); // the seat history stays
        var ewa = seats.Single(s => s.Id == ewaSeat);
        Assert.Equal(("Ewa Kowalska", Ewa, "Fundacja Przykład"), (ewa.FullName, ewa.Email, ewa.Institution));
        Assert.NotNull(ewa.FeedTokenHash);

        var invitations = await App.QueryAsync("mazowsze", db => db.Set<Invitation>().Where(i => i.MeetingId == meeting).ToListAsync(Ct));
        var erased = Assert.Single(invitations, i => i.Name == PersonRef.ErasedLabel);
        Assert.Equal(PersonRef.ErasedEmail(erased.Id), erased.Email);
        Assert.Single(invitations, i => i.Email == Ewa && i.Name == "Ewa Kowalska");
        var links = await App.QueryAsync("mazowsze", db => db.Set<EmailLink>().Where(l => l.Purpose == MeetingInvitations.RsvpPurpose).ToListAsync(Ct));
        Assert.NotNull(Assert.Single(links, l => l.SubjectId == erased.Id).RevokedAt);
        Assert.Null(Assert.Single(links, l => l.SubjectId != erased.Id).RevokedAt);

        var outbox = await App.QueryAsync("mazowsze", db => db.Set<OutboxMessage>().Select(m => m.ToAddress).ToListAsync(Ct));
        Assert.Equal([Ewa], outbox);
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Jan));

        var record = Assert.Single(await App.QueryAsync("mazowsze", db => db.Set<PersonalDataErasure>().ToListAsync(Ct)));
        Assert.Equal(PersonalDataErasure.HashOf(new PersonRef(Jan)), record.EmailHash);
        Assert.Equal(64, record.EmailHash.Length);
        Assert.Equal("Żądanie osoby z dnia 1 marca 2026 r.", record.Reason);
        Assert.StartsWith("user:", record.ErasedBy);
        Assert.Equal(6, record.Total);
        // Neither the erasure record nor the audit trail keeps the address or the name.
        var audit = await App.QueryAsync("mazowsze", async db => (await db.AuditEntries.Select(a => new { a.OldValues, a.NewValues }).ToListAsync(Ct)).Select(a => a.OldValues + a.NewValues).ToList());
        Assert.DoesNotContain(audit, a => a.Contains("jan.nowak", StringComparison.OrdinalIgnoreCase) || a.Contains("Jan Nowak"));
        Assert.Contains(audit, a => a.Contains("Ewa Kowalska"));
        Assert.DoesNotContain("jan.nowak", JsonSerializer.Serialize(record), StringComparison.OrdinalIgnoreCase);

        var after = await ExportAsync(Admin("mazowsze"), "mazowsze", Jan);
        Assert.All(after.GetProperty("sections").EnumerateObject(), s => Assert.Equal(0, s.Value.GetArrayLength()));
    }

    [Fact]
    public async Task Another_regions_admin_neither_sees_nor_erases_the_person_and_the_same_address_there_is_untouched()
    {
        var (janSeat, _, _) = await SeedMazowszeAsync();
        var malopolskaSeat = await App.SeatAsync("malopolska", "Jan Nowak (Małopolska)", Jan);

        var seen = await ExportAsync(Admin("malopolska"), "malopolska", Jan);
        Assert.Equal(1, Count(seen, "committeeMembers"));
        Assert.Equal("Jan Nowak (Małopolska)", seen.GetProperty("sections").GetProperty("committeeMembers")[0].GetProperty("fullName").GetString());
        Assert.Equal(0, Count(seen, "meetingInvitations"));
        Assert.Equal(0, Count(seen, "account")); // the account belongs to Mazowsze only: not shown in Małopolska
        Assert.Equal(0, Count(seen, "emails"));

        var erased = await (await EraseAsync(Admin("malopolska"), "malopolska", Jan)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, erased.GetProperty("total").GetInt32());

        var mazowsze = await ExportAsync(Admin("mazowsze"), "mazowsze", Jan);
        Assert.Equal(1, Count(mazowsze, "committeeMembers"));
        Assert.Equal(1, Count(mazowsze, "account"));
        Assert.Equal(2, Count(mazowsze, "emails"));
        Assert.Equal("Jan Nowak", (await App.QueryAsync("mazowsze", db => db.Set<CommitteeMember>().SingleAsync(m => m.Id == janSeat, Ct))).FullName);
        Assert.Equal(PersonRef.ErasedLabel, (await App.QueryAsync("malopolska", db => db.Set<CommitteeMember>().SingleAsync(m => m.Id == malopolskaSeat, Ct))).FullName);
        // Małopolska's erasure record is not Mazowsze's, and its page answers 404 on Mazowsze's URL.
        var record = Assert.Single(await App.QueryAsync("malopolska", db => db.Set<PersonalDataErasure>().ToListAsync(Ct)));
        Assert.Empty(await App.QueryAsync("mazowsze", db => db.Set<PersonalDataErasure>().ToListAsync(Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin("mazowsze").GetAsync($"/mazowsze/admin/dane-osobowe/usuniecia/{record.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin("malopolska").GetAsync($"/malopolska/admin/dane-osobowe/usuniecia/{record.Id}", Ct)).StatusCode);
        // A Mazowsze admin's token on Małopolska's API is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await Admin("mazowsze").GetAsync($"/malopolska/api/v1/privacy/export?email={Jan}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_account_with_another_regions_membership_keeps_the_account_and_that_membership()
    {
        await App.CreateUserAsync(Jan, Password, "mazowsze", Policies.Roles.Staff);
        await App.QueryAsync("lubelskie", async db =>
        {
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == Jan.ToUpperInvariant(), Ct);
            db.Add(new TenantMembership(user.Id, [Policies.Roles.Implementer]));
            return await db.SaveChangesAsync(Ct);
        });

        var result = await (await EraseAsync(Admin("mazowsze"), "mazowsze", Jan)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(1, result.GetProperty("counts").GetProperty("account").GetInt32());
        Assert.Equal(0, await App.QueryAsync("mazowsze", db => db.Set<TenantMembership>().CountAsync(Ct)));
        Assert.Equal(1, await App.QueryAsync("lubelskie", db => db.Set<TenantMembership>().CountAsync(Ct)));
        await using var scope = App.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Jan));
    }

    [Fact]
    public async Task The_platform_administrators_account_is_refused_with_409_and_nothing_is_erased()
    {
        var admin = await App.CreatePlatformAdminAsync(Jan, Password);
        await App.QueryAsync("mazowsze", db =>
        {
            db.Add(new TenantMembership(admin.Id, [Policies.Roles.TenantAdmin]));
            return db.SaveChangesAsync(Ct);
        });
        var seat = await App.SeatAsync("mazowsze", "Jan Nowak", Jan);

        var response = await EraseAsync(Admin("mazowsze"), "mazowsze", Jan);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(UserPersonalData.PlatformAdminRefusal, problem.GetProperty("detail").GetString());
        Assert.Equal("Jan Nowak", (await App.QueryAsync("mazowsze", db => db.Set<CommitteeMember>().SingleAsync(m => m.Id == seat, Ct))).FullName);
        Assert.Equal(1, await App.QueryAsync("mazowsze", db => db.Set<TenantMembership>().CountAsync(Ct)));
        Assert.Empty(await App.QueryAsync("mazowsze", db => db.Set<PersonalDataErasure>().ToListAsync(Ct)));
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Secretary")]
    [InlineData("Staff,Secretary,Implementer")]
    public async Task Staff_who_are_not_region_administrators_get_403_on_the_api_and_the_page(string roles)
    {
        var staff = ClientAs(roles, "mazowsze");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/mazowsze/api/v1/privacy/export?email={Jan}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await EraseAsync(staff, "mazowsze", Jan)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/mazowsze/admin/dane-osobowe", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync($"/mazowsze/api/v1/privacy/export?email={Jan}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_each_field_and_erases_nothing()
    {
        var seat = await App.SeatAsync("mazowsze", "Jan Nowak", Jan);

        var export = await Admin("mazowsze").GetAsync("/mazowsze/api/v1/privacy/export?email=nie-adres", Ct);
        var erase = await EraseAsync(Admin("mazowsze"), "mazowsze", Jan, reason: "  ");
        var both = await EraseAsync(Admin("mazowsze"), "mazowsze", null, reason: new string('x', 1001));

        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Equal("application/problem+json", export.Content.Headers.ContentType?.MediaType);
        Assert.True((await export.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal(HttpStatusCode.BadRequest, erase.StatusCode);
        var errors = (await erase.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("reason", out _));
        Assert.False(errors.TryGetProperty("email", out _));
        var bothErrors = (await both.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(bothErrors.TryGetProperty("email", out _) && bothErrors.TryGetProperty("reason", out _));
        Assert.Equal("Jan Nowak", (await App.QueryAsync("mazowsze", db => db.Set<CommitteeMember>().SingleAsync(m => m.Id == seat, Ct))).FullName);
    }

    [Fact]
    public async Task Admin_page_previews_counts_requires_reason_and_confirmation_then_erases_and_shows_the_result_and_register()
    {
        await SeedMazowszeAsync();
        var admin = Admin("mazowsze");
        var (page, html) = await GetAsync(admin, "/mazowsze/admin/dane-osobowe");
        Assert.Contains("Nie usunięto jeszcze niczyich danych.", html);

        var search = await PostAsync(admin, "/mazowsze/admin/dane-osobowe?handler=Search", page, html, new() { ["Email"] = Jan });
        var preview = await search.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Członkostwo w komitetach i grupach</th><td class=\"text-end\">1</td>", preview);
        Assert.Contains("Wiadomości e-mail</th><td class=\"text-end\">2</td>", preview);

        var download = await PostAsync(admin, "/mazowsze/admin/dane-osobowe?handler=Download", page, html, new() { ["Email"] = Jan });
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("dane-osobowe-mazowsze-", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(1, JsonDocument.Parse(await download.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("sections").GetProperty("committeeMembers").GetArrayLength());

        var unconfirmed = await PostAsync(admin, "/mazowsze/admin/dane-osobowe?handler=Erase", page, html, new() { ["Email"] = Jan, ["Reason"] = "" });
        var refused = await unconfirmed.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Podaj podstawę usunięcia danych", refused);
        Assert.Contains("Zaznacz potwierdzenie: usunięcia danych nie można cofnąć.", refused);
        Assert.Equal(1, await App.QueryAsync("mazowsze", db => db.Set<CommitteeMember>().CountAsync(m => m.FullName == "Jan Nowak", Ct)));

        var erased = await PostAsync(admin, "/mazowsze/admin/dane-osobowe?handler=Erase", page, html,
            new() { ["Email"] = Jan, ["Reason"] = "Wniosek z 1 marca 2026 r.", ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var result = await admin.GetStringAsync(erased.Headers.Location!.ToString(), Ct);
        Assert.Contains("Usunięto lub zanonimizowano 6 rekordów.", result);
        Assert.Contains("Wniosek z 1 marca 2026 r.", result);
        Assert.DoesNotContain(Jan, result);
        var (_, register) = await GetAsync(admin, "/mazowsze/admin/dane-osobowe");
        Assert.Contains("Wniosek z 1 marca 2026 r.", register);
        Assert.DoesNotContain(Jan, register);
    }

    private static async Task<(HttpResponseMessage Page, string Html)> GetAsync(HttpClient client, string path)
    {
        var page = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (page, await page.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, HttpResponseMessage page, string html, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(html);
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return await client.SendAsync(post, Ct);
    }
}
