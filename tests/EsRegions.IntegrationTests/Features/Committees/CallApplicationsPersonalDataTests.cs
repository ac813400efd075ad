using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using EsRegions.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Committees;

/// <summary>The calls' RODO source: a person's applications exported by e-mail and erased in place, only in the current region.</summary>
public sealed class CallApplicationsPersonalDataTests(PostgresServer postgres) : MailTestBase(postgres)
{
    [Fact]
    public async Task Export_finds_the_persons_applications_by_email_and_erasure_replaces_their_data_and_keeps_the_decision()
    {
        var ct = TestContext.Current.CancellationToken;
        var secretary = ClientAs(Policies.Roles.Secretary, "malopolska");
        var callId = await secretary.OpenCallAsync("malopolska");
        var person = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await person.ApplyAsync("malopolska", callId, CallTestSupport.Application("Anna Nowak", "Anna@PES.example"));
        await person.ApplyAsync("malopolska", callId, CallTestSupport.Application("Jan Kowalski", "jan@jst.example"));
        var mazowszeCall = await ClientAs(Policies.Roles.Secretary, "mazowsze").OpenCallAsync("mazowsze");
        await person.ApplyAsync("mazowsze", mazowszeCall, CallTestSupport.Application("Anna Nowak", "anna@pes.example"));

        await using (var scope = App.ScopeFor("malopolska"))
        {
            var source = Source(scope);
            var exported = await source.ExportAsync(new PersonRef(" anna@pes.EXAMPLE "), ct);
            var row = Assert.IsType<CallApplicationsPersonalData.Row>(Assert.Single(exported));
            Assert.Equal(("callApplications", "Anna Nowak", "Anna@PES.example", "Nabór do grupy roboczej ds. usług społecznych", "submitted"),
                (source.Name, row.FullName, row.Email, row.CallTitle, row.Status));

            Assert.Equal(1, await source.EraseAsync(new PersonRef("anna@pes.example"), ct));
            await scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>().SaveChangesAsync(ct);
        }

        var applications = await secretary.ApplicationsAsync("malopolska", callId);
        var erased = applications.Single(a => a.Name == PersonRef.ErasedLabel);
        Assert.Equal((PersonRef.ErasedLabel, PersonRef.ErasedLabel, PersonRef.ErasedLabel, "submitted", "socialEconomyEntity"),
            (erased.Email, erased.Institution, erased.Motivation, erased.Status, erased.Seat));
        Assert.Contains(applications, a => a.Name == "Jan Kowalski" && a.Email == "jan@jst.example");
        Assert.Equal("Anna Nowak", (await ClientAs(Policies.Roles.Secretary, "mazowsze").ApplicationsAsync("mazowsze", mazowszeCall)).Single().Name);
        await using var after = App.ScopeFor("malopolska");
        Assert.Empty(await Source(after).ExportAsync(new PersonRef("anna@pes.example"), ct));
    }

    private static CallApplicationsPersonalData Source(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetServices<IPersonalDataSource>().OfType<CallApplicationsPersonalData>().Single();
}
