using EsRegions.BrowserTests.Browser;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Features.Committees;

/// <summary>A person applies to a call for members on a phone: the public form, its errors next to the fields, the thank-you, all axe-clean.</summary>
public sealed class ApplyToCallTests(PostgresServer postgres) : BrowserAppTestBase(postgres)
{
    private async Task<Guid> OpenCallAsync()
    {
        await using var scope = App.ScopeFor("malopolska");
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var group = await db.Set<Committee>().SingleAsync(c => c.Key == "grupa-badan", TestContext.Current.CancellationToken);
        var call = new MemberCall(group.Id, "Nabór do Grupy MKRES ds. badań", "Szanowni Państwo!\n\nZapraszamy przedstawicieli PES i uczelni.",
            DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)),
            [SeatCategory.SocialEconomyEntity, SeatCategory.University]);
        await scope.ServiceProvider.GetRequiredService<MemberCalls>().OpenAsync(call, TestContext.Current.CancellationToken);
        db.Add(call);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return call.Id;
    }

    [Fact]
    public async Task Applicant_on_a_phone_sees_errors_next_to_the_fields_then_applies_and_every_page_is_accessible()
    {
        var id = await OpenCallAsync();
        await Page.SetViewportSizeAsync(390, 844);

        await OpenAsync("/malopolska/nabory");
        await AssertAccessibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Nabór do Grupy MKRES ds. badań" }).ClickAsync();
        await AssertAccessibleAsync();
        await Page.GetByLabel("Imię i nazwisko").FillAsync("Ewa Zielińska");
        await Page.GetByLabel("Adres e-mail").FillAsync("ewa(at)uczelnia");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Wyślij zgłoszenie" }).ClickAsync();

        Assert.Equal("Podaj poprawny adres e-mail, np. jan.kowalski@example.pl.", (await Page.Locator("#err-email").InnerTextAsync()).Trim());
        Assert.Equal("Podaj instytucję lub organizację, którą reprezentujesz.", (await Page.Locator("#err-institution").InnerTextAsync()).Trim());
        Assert.Equal("true", await Page.GetByLabel("Adres e-mail").GetAttributeAsync("aria-invalid"));
        Assert.Equal("Ewa Zielińska", await Page.GetByLabel("Imię i nazwisko").InputValueAsync());
        await AssertAccessibleAsync();

        await Page.GetByLabel("Adres e-mail").FillAsync("ewa@uczelnia.example");
        await Page.GetByLabel("Instytucja lub organizacja").FillAsync("Uniwersytet Ekonomiczny w Krakowie");
        await Page.GetByLabel("Reprezentowany sektor").SelectOptionAsync(new SelectOptionValue { Label = "Uczelnie" });
        await Page.GetByLabel("Kogo reprezentujesz i dlaczego chcesz dołączyć?").FillAsync("Prowadzę badania nad spółdzielczością socjalną.");
        await Page.GetByLabel("Zapoznałam/zapoznałem się z informacją o przetwarzaniu danych osobowych (RODO) poniżej.").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Wyślij zgłoszenie" }).ClickAsync();
        await WaitForPageAsync($"**/malopolska/nabory/{id}?wyslano=true");

        Assert.Contains("Dziękujemy. Zgłoszenie zostało przyjęte", await Page.Locator("main").InnerTextAsync());
        await AssertAccessibleAsync();
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        await using var scope = App.ScopeFor("malopolska");
        var application = await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().Set<CallApplication>()
            .SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("Ewa Zielińska", SeatCategory.University), (application.FullName, application.Seat));
    }
}
