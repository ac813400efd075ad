using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.UnitTests.Infrastructure.Data;

/// <summary>Which new rows a save writes in bulk: many plain rows of a table; everything else is left to EF.</summary>
public sealed class BulkInsertTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    private static EsRegionsDbContext Context() => new(
        new DbContextOptionsBuilder<EsRegionsDbContext>().UseEsRegionsNpgsql("Host=unused").Options,
        new TenantContext(), new AuditActor(new HttpContextAccessor()), TimeProvider.System);

    [Fact]
    public void A_hundred_plain_rows_are_taken_and_fewer_stay_with_ef()
    {
        using var db = Context();
        for (var i = 0; i < BulkInsert.Threshold; i++) db.Add(new Invitation(Guid.NewGuid(), Guid.NewGuid(), $"a{i}@example.org", null, null, Now));
        for (var i = 0; i < BulkInsert.Threshold - 1; i++) db.Add(new EmailLink("meeting-rsvp", Guid.NewGuid(), [1, 2, 3], Now, Now.AddDays(30)));

        var taken = BulkInsert.Take(db.ChangeTracker);

        Assert.Equal(typeof(Invitation), Assert.Single(taken).Type.ClrType);
        Assert.Equal(BulkInsert.Threshold, taken[0].Entities.Count);
        Assert.All(taken[0].Entities, e => Assert.Equal(EntityState.Detached, db.Entry(e).State));
        Assert.Equal(BulkInsert.Threshold - 1, db.ChangeTracker.Entries<EmailLink>().Count(e => e.State == EntityState.Added));
    }

    [Fact]
    public void Rows_that_point_at_rows_of_their_own_table_are_left_to_ef()
    {
        using var db = Context();
        var plan = Guid.NewGuid();
        for (var i = 0; i < 150; i++) db.Add(new PlanNode(plan, null, "Cel", $"{i}", $"Cel {i}", i));

        Assert.Empty(BulkInsert.Take(db.ChangeTracker));
        Assert.Equal(150, db.ChangeTracker.Entries<PlanNode>().Count(e => e.State == EntityState.Added));
    }

    [Fact]
    public void E_mails_go_in_bulk_only_when_none_of_them_carries_an_attachment()
    {
        using var db = Context();
        var content = new EmailContent("Temat", "Tekst", "<p>Tekst</p>");
        for (var i = 0; i < 120; i++) db.Add(new OutboxMessage($"k{i}", new EmailAddress($"a{i}@example.org", null), content, Now));
        Assert.Equal(typeof(OutboxMessage), Assert.Single(BulkInsert.Take(db.ChangeTracker)).Type.ClrType);

        using var other = Context();
        for (var i = 0; i < 119; i++) other.Add(new OutboxMessage($"k{i}", new EmailAddress($"a{i}@example.org", null), content, Now));
        other.Add(new OutboxMessage("k-pdf", new EmailAddress("b@example.org", null),
            content with { Attachments = [new OutboxAttachment("raport.pdf", "application/pdf", [37, 80, 68, 70])] }, Now));
        Assert.Empty(BulkInsert.Take(other.ChangeTracker));
    }
}
