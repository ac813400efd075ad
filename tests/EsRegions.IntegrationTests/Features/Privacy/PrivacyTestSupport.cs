using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EsRegions.IntegrationTests.Features.Privacy;

/// <summary>Intent methods of the privacy tests: put a person's data into a region's modules.</summary>
internal static class PrivacyTestSupport
{
    /// <summary>Gives the person a seat in the region's first committee; returns the seat's id.</summary>
    public static async Task<Guid> SeatAsync(this EsRegionsAppFactory app, string slug, string name, string email, string institution = "Fundacja Przykład")
    {
        await using var scope = app.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var committee = await db.Set<Committee>().OrderBy(c => c.Name).FirstAsync();
        var member = new CommitteeMember(committee.Id, name, email, institution, SeatCategory.SocialEconomyEntity, MemberRole.Member,
            new DateOnly(2025, 1, 1));
        member.SetFeedToken([.. Guid.NewGuid().ToByteArray(), .. Guid.NewGuid().ToByteArray()]);
        db.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }

    /// <summary>An e-mail to the person in the region's outbox, in the given state.</summary>
    public static async Task<Guid> MailAsync(this EsRegionsAppFactory app, string slug, string to, OutboxState state, DateTimeOffset createdAt)
    {
        await using var scope = app.ScopeFor(slug);
        var db = scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>();
        var message = new OutboxMessage($"test:{Guid.NewGuid():N}", new EmailAddress(to, "Adresat"),
            new EmailContent("Zaproszenie na posiedzenie", "t", "<p>t</p>"), createdAt);
        if (state == OutboxState.Sent) message.MarkSent(createdAt.AddMinutes(1), "250 OK");
        if (state == OutboxState.Failed) message.Fail("550 Mailbox unavailable");
        db.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public static async Task<T> QueryAsync<T>(this EsRegionsAppFactory app, string slug, Func<EsRegionsDbContext, Task<T>> query)
    {
        await using var scope = app.ScopeFor(slug);
        return await query(scope.ServiceProvider.GetRequiredService<EsRegionsDbContext>());
    }
}
