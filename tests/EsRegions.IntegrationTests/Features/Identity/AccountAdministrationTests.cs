using System.Net;
using System.Text.RegularExpressions;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Identity;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Identity;

public sealed partial class AccountAdministrationTests(PostgresServer postgres) : AppTestBase(postgres)
{
    private const string Password = "bardzo-dlugie-haslo-42";
    private const string NewPassword = "zupelnie-nowe-haslo-2027";

    [Fact]
    public async Task Forgotten_password_link_arrives_through_the_outbox_works_once_and_the_new_password_signs_in()
    {
        var ct = TestContext.Current.CancellationToken;
        await App.CreateUserAsync("ewa@mcps.example", Password, "mazowsze", Policies.Roles.Staff);

        await PostFormAsync(Client, "/mazowsze/konto/nie-pamietam-hasla", new() { ["Email"] = "ewa@mcps.example" });
        await PostFormAsync(Client, "/mazowsze/konto/nie-pamietam-hasla", new() { ["Email"] = "nikt@example.org" });

        var mail = Assert.Single(await OutboxAsync("mazowsze"));
        Assert.Equal("ewa@mcps.example", mail.ToAddress);
        var link = Link().Match(mail.TextBody).Value;
        var first = await PostFormAsync(Client, link, new() { ["Password"] = NewPassword });
        var again = await PostFormAsync(Client, link, new() { ["Password"] = "jeszcze-inne-haslo-99" });
        Assert.Contains("Hasło zostało ustawione.", first);
        Assert.Contains("Link wygasł albo został już użyty.", again);
        var (_, signIn) = await App.SignInAsync("mazowsze", "ewa@mcps.example", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Region_admin_invites_a_person_who_sets_a_password_and_signs_in_with_the_given_role()
    {
        await App.CreateUserAsync("admin@rops-lublin.example", Password, "lubelskie", Policies.Roles.TenantAdmin);
        var (admin, _) = await App.SignInAsync("lubelskie", "admin@rops-lublin.example", Password);

        await PostFormAsync(admin, "/lubelskie/uzytkownicy?handler=Invite", new()
        {
            ["Invite.Email"] = "nowa@owes-lublin.example", ["Invite.Name"] = "Nowa Realizatorka", ["Invite.Roles"] = Policies.Roles.Implementer,
        });

        var invitation = Assert.Single(await OutboxAsync("lubelskie"));
        Assert.Equal("Zaproszenie do EsRegions — Województwo lubelskie", invitation.Subject);
        Assert.Contains("Hasło zostało ustawione.", await PostFormAsync(Client, Link().Match(invitation.TextBody).Value, new() { ["Password"] = NewPassword }));
        var (invited, response) = await App.SignInAsync("lubelskie", "nowa@owes-lublin.example", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("realizator", await invited.GetStringAsync("/lubelskie/konto", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Region_admin_changes_roles_and_deactivates_and_the_audit_trail_names_the_admin()
    {
        var ct = TestContext.Current.CancellationToken;
        var adminUser = await App.CreateUserAsync("admin@mcps.example", Password, "mazowsze", Policies.Roles.TenantAdmin);
        await App.CreateUserAsync("jan@mcps.example", Password, "mazowsze", Policies.Roles.Staff);
        var (admin, _) = await App.SignInAsync("mazowsze", "admin@mcps.example", Password);
        var membership = await MembershipOfAsync("mazowsze", "jan@mcps.example");

        await PostFormAsync(admin, $"/mazowsze/uzytkownicy?handler=Roles&id={membership.Id}", new() { ["roles"] = Policies.Roles.Secretary });
        Assert.Equal([Policies.Roles.Secretary], (await MembershipOfAsync("mazowsze", "jan@mcps.example")).Roles);
        await PostFormAsync(admin, $"/mazowsze/uzytkownicy?handler=Deactivate&id={membership.Id}", []);

        var (_, refused) = await App.SignInAsync("mazowsze", "jan@mcps.example", Password);
        Assert.Contains("Nieprawidłowy adres e-mail lub hasło.", await refused.Content.ReadAsStringAsync(ct));
        await using var scope = App.ScopeFor("mazowsze");
        var actors = await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().AuditEntries
            .Where(a => a.Entity == nameof(TenantMembership) && a.Action == "update").Select(a => a.Actor).ToListAsync(ct);
        Assert.Equal(2, actors.Count);
        Assert.All(actors, a => Assert.Equal($"user:{adminUser.Id} (admin@mcps.example)", a));
    }

    [Fact]
    public async Task Staff_cannot_open_the_user_administration_page()
    {
        await App.CreateUserAsync("ewa@mcps.example", Password, "mazowsze", Policies.Roles.Staff);
        var (staff, _) = await App.SignInAsync("mazowsze", "ewa@mcps.example", Password);

        var page = await staff.GetAsync("/mazowsze/uzytkownicy", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task Platform_admin_suspends_a_region_which_then_answers_503_and_reactivates_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await App.CreatePlatformAdminAsync("root@esregions.example", Password);
        var (admin, _) = await App.SignInAsync("", "root@esregions.example", Password);

        var regions = await admin.GetStringAsync("/admin/regiony", ct);
        // Suspending asks first (site.js shows the question); reactivating does not.
        Assert.Contains("data-confirm=\"Zawiesić region Województwo warmińsko-mazurskie? Jego strony i API będą niedostępne, dopóki go nie przywrócisz.\"", regions);
        await PostFormAsync(admin, "/admin/regiony?handler=State&slug=warmia-mazury&state=Suspended", []);
        Assert.DoesNotContain("data-confirm=\"Zawiesić region Województwo warmińsko-mazurskie", await admin.GetStringAsync("/admin/regiony", ct));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Client.GetAsync("/warmia-mazury/", ct)).StatusCode);
        Assert.DoesNotContain("warmia-mazury", await Client.GetStringAsync("/api/v1/tenants", ct));

        await PostFormAsync(admin, "/admin/regiony?handler=State&slug=warmia-mazury&state=Active", []);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/warmia-mazury/", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientAs(Policies.Roles.TenantAdmin, "mazowsze").GetAsync("/admin/regiony", ct)).StatusCode);
    }

    private async Task<string> PostFormAsync(HttpClient client, string path, Dictionary<string, string> form)
    {
        var ct = TestContext.Current.CancellationToken;
        // The form is fetched first (for its antiforgery token) from the page itself, without the POST handler.
        var page = await client.GetStringAsync(path.Contains("?handler=") ? path[..path.IndexOf("?handler=")] : path, ct);
        form["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(page);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(form), ct);
        Assert.True((int)response.StatusCode < 400, $"{path}: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync(ct);
    }

    private async Task<List<OutboxMessage>> OutboxAsync(string slug)
    {
        await using var scope = App.ScopeFor(slug);
        return await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<OutboxMessage>().ToListAsync();
    }

    private async Task<TenantMembership> MembershipOfAsync(string slug, string email)
    {
        await using var scope = App.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return await db.Set<TenantMembership>().SingleAsync(m => m.UserId == user.Id);
    }

    [GeneratedRegex(@"/[a-z-]+/konto/nowe-haslo\?uid=[0-9a-f-]+&token=[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
