using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EsRegions.IntegrationTests.Features.Privacy;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Committees;

/// <summary>Before a seat's term ends, the secretariat and the member each get an e-mail of their own.</summary>
public sealed class TermEndingRemindersTests(PostgresServer postgres) : MailTestBase(postgres)
{
    private const string Slug = "malopolska";
    private const string Secretariat = "rops@rops.krakow.pl"; // tenants/malopolska/tenant.json operator.email
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    // Małopolska reminds 60 days ahead: for a term ending on Friday 29 May 2026, on 30 March at 08:00 in Warsaw.
    private static readonly DateTimeOffset Due = new(2026, 3, 30, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_member_hears_in_words_of_their_own_at_the_seats_address_then_and_the_secretariat_gets_the_members_page()
    {
        var (committee, memberId) = await AddMemberAsync("maria@owes.example");
        await ChangeAddressAsync(memberId, "m.wisniewska@owes.example"); // saved without rescheduling: the address is read when it fires

        Clock.Set(Due);
        Assert.Equal(1, await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId(Slug), Ct));
        await DispatchUntilIdleAsync();

        var mails = await Mail!.EmailsAsync();
        Assert.Equal(2, mails.Count);
        var staff = Assert.Single(mails, m => To(m) == Secretariat);
        Assert.Equal($"Kończy się kadencja: Maria Wiśniewska — {committee.ShortName}", Subject(staff));
        Assert.Contains($"/{Slug}/komitety/{committee.Id}/czlonkowie/{memberId}", Text(staff));
        var member = Assert.Single(mails, m => To(m) == "m.wisniewska@owes.example");
        Assert.Equal($"Kończy się Pani/Pana kadencja: {committee.ShortName}", Subject(member));
        Assert.Contains("29 maja 2026 r. kończy się Pani/Pana kadencja", Text(member));
        Assert.Contains($"kontakt z sekretariatem: {Secretariat}", Text(member));
        Assert.DoesNotContain("/komitety/", Text(member)); // a staff page would only ask the member to sign in
        Assert.DoesNotContain(mails, m => To(m) == "maria@owes.example");
    }

    [Fact]
    public async Task A_seat_erased_on_request_loses_its_reminders_and_nobody_is_reminded()
    {
        var (_, memberId) = await AddMemberAsync("maria@owes.example");
        Assert.Single(await RemindersAsync(memberId)); // titled with her name

        var erased = await ClientAs(Policies.Roles.TenantAdmin, Slug).PostAsJsonAsync($"/{Slug}/api/v1/privacy/erasures",
            new { email = "maria@owes.example", reason = "Wniosek z 2 marca 2026 r." }, Ct);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Empty(await RemindersAsync(memberId));
        Clock.Set(Due);
        Assert.Equal(0, await App.Services.GetRequiredService<ReminderSweeper>().SweepTenantAsync(App.TenantId(Slug), Ct));
    }

    private async Task<(Committee Committee, Guid MemberId)> AddMemberAsync(string email)
    {
        await using var scope = App.ScopeFor(Slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var committee = await db.Set<Committee>().FirstAsync(c => c.ShortName == "MKRES", Ct);
        var member = new CommitteeMember(committee.Id, "Maria Wiśniewska", email, "OWES Kraków", SeatCategory.SupportCentre,
            MemberRole.Member, new DateOnly(2023, 5, 30), new DateOnly(2026, 5, 29));
        await scope.ServiceProvider.GetRequiredService<CommitteeRegister>().AddMemberAsync(committee, member, Ct);
        await db.SaveChangesAsync(Ct);
        return (committee, member.Id);
    }

    private async Task ChangeAddressAsync(Guid memberId, string email)
    {
        await using var scope = App.ScopeFor(Slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var m = await db.Set<CommitteeMember>().SingleAsync(x => x.Id == memberId, Ct);
        m.Change(m.FullName, email, m.Institution, m.Seat, m.Role, m.TermFrom, m.TermTo);
        await db.SaveChangesAsync(Ct);
    }

    private Task<List<Reminder>> RemindersAsync(Guid memberId) =>
        App.QueryAsync(Slug, db => db.Set<Reminder>().Where(r => r.SubjectId == memberId).ToListAsync(Ct));

    private static string To(JsonElement mail) => mail.GetProperty("to")[0].GetProperty("address").GetString()!;
    private static string Subject(JsonElement mail) => mail.GetProperty("subject").GetString()!;
    private static string Text(JsonElement mail) => mail.GetProperty("text").GetString()!;
}
