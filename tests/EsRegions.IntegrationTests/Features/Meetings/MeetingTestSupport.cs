using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EsRegions.IntegrationTests.Support;
using EsRegions.Web.Features.Meetings;
using MimeKit;

namespace EsRegions.IntegrationTests.Features.Meetings;

/// <summary>Intent methods of the meeting tests: create a meeting, invite, read a delivered invitation apart.</summary>
internal static partial class MeetingTestSupport
{
    public static async Task<Guid> CreateMeetingAsync(this HttpClient secretary, string slug, string startsAt = "2026-03-17T10:00:00",
        string endsAt = "2026-03-17T12:00:00", bool isPublic = false)
    {
        var response = await secretary.PostAsJsonAsync($"/{slug}/api/v1/meetings", new
        {
            title = "Posiedzenie MKRES", kind = "sitting", startsAt, endsAt, location = "Kraków, ul. Racławicka 56, sala 2",
            onlineUrl = "https://meet.example.org/mkres-marzec", agenda = "1. Otwarcie\n2. Sprawozdanie z RPD 2025", @public = isPublic,
        }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedDto>(TestContext.Current.CancellationToken))!.Id;
    }

    public static async Task<InviteResult> InviteAsync(this HttpClient secretary, string slug, Guid meetingId, params (string Name, string Email)[] people)
    {
        var response = await secretary.PostAsJsonAsync($"/{slug}/api/v1/meetings/{meetingId}/invitations",
            new { recipients = people.Select(p => new { name = p.Name, email = p.Email }) }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InviteResult>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<List<ResponseDto>> ResponsesAsync(this HttpClient staff, string slug, Guid meetingId) =>
        (await staff.GetFromJsonAsync<List<ResponseDto>>($"/{slug}/api/v1/meetings/{meetingId}/responses", TestContext.Current.CancellationToken))!;

    /// <summary>A delivered message as MailDev stored it, parsed by MimeKit.</summary>
    public static async Task<List<MimeMessage>> MessagesToAsync(this MailDev mail, string address)
    {
        var result = new List<MimeMessage>();
        foreach (var e in await mail.EmailsAsync())
            if (e.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == address))
                result.Add(MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await mail.SourceAsync(e.GetProperty("id").GetString()!)))));
        return result.OrderBy(m => m.Date).ToList();
    }

    public static TextPart CalendarPart(this MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");

    public static string RsvpPath(this MimeMessage message) => RsvpLink().Match(message.TextBody ?? "").Groups[1].Value;

    [GeneratedRegex(@"https?://[^/\s]+(/[a-z-]+/zaproszenie/[A-Za-z0-9_-]{43})")] private static partial Regex RsvpLink();
}

/// <summary>Meeting tests with a real MailDev: one invitation created, sent, delivered and read back in one call.</summary>
public abstract class MeetingMailTestBase(PostgresServer postgres) : MailTestBase(postgres)
{
    protected sealed record Delivered(Guid MeetingId, Guid BatchId, MimeMessage Message, string RsvpPath);

    /// <summary>Creates the standard meeting (17 March 2026, 10:00–12:00), invites one person and reads the delivered message back.</summary>
    protected async Task<Delivered> InviteAndDeliverAsync(HttpClient secretary, string slug, string email = "jan@owes.example", string name = "Jan Kowalski")
    {
        var id = await secretary.CreateMeetingAsync(slug);
        var batch = await secretary.InviteAsync(slug, id, (name, email));
        await DispatchUntilIdleAsync();
        var message = Assert.Single(await Mail!.MessagesToAsync(email));
        return new Delivered(id, batch.BatchId, message, message.RsvpPath());
    }

    /// <summary>An anonymous browser: keeps cookies (antiforgery), does not follow redirects.</summary>
    protected HttpClient Person() => App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
}
