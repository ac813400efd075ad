using System.Text;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Tenancy;
using MimeKit;

namespace EsRegions.UnitTests.Features.Notifications;

public sealed class MimeBuilderTests
{
    private static readonly Tenant Mazowsze = TenantRegistryLoader.Load(Path.Combine(AppContext.BaseDirectory, "tenants")).FindBySlug("mazowsze")!;

    private static OutboxMessage Row(string? calendar = null) => new("k", new EmailAddress("jan@example.org", "Jan Kowalski"),
        new EmailContent("Zaproszenie", "tekst", "<p>html</p>") { Calendar = calendar }, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Plain_message_is_text_and_html_alternatives_from_the_tenant_sender()
    {
        var row = Row();
        var message = MimeBuilder.Build(row, Mazowsze);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("es@mcps-efs.pl", message.From.Mailboxes.Single().Address);
        Assert.Equal($"{row.Id:N}@mazowsze.esregions", message.MessageId);
    }

    [Fact]
    public void Meeting_invitation_carries_a_text_calendar_alternative_with_its_method_and_an_ics_file()
    {
        const string ics = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var message = MimeBuilder.Build(Row(ics), Mazowsze);

        var mixed = Assert.IsType<Multipart>(message.Body);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        var calendar = Assert.IsType<TextPart>(alternative[2]);
        Assert.Equal("text/calendar", calendar.ContentType.MimeType);
        Assert.Equal("CANCEL", calendar.ContentType.Parameters["method"]);
        var file = Assert.IsType<MimePart>(mixed[1]);
        Assert.Equal("zaproszenie.ics", file.FileName);
        using var content = new MemoryStream();
        file.Content!.DecodeTo(content, TestContext.Current.CancellationToken);
        Assert.Equal(ics, Encoding.UTF8.GetString(content.ToArray()));
    }
}
