using System.Globalization;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.UnitTests.Features.Notifications;

public sealed class ReminderTemplatesTests
{
    public static TheoryData<string, string> KindsAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in ReminderPolicy.KnownKinds)
            foreach (var culture in new[] { "pl-PL", "en-GB" }) data.Add(kind, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndCultures))]
    public void Every_reminder_kind_has_a_subject_text_and_link_in_both_languages(string kind, string culture)
    {
        var reminder = new Reminder(new ReminderRequest(kind, "Subject", Guid.NewGuid(), "Posiedzenie RKRES", new DateOnly(2026, 5, 4), "x",
            [new EmailAddress("a@example.org")]), new DateOnly(2026, 5, 4), DateTimeOffset.UnixEpoch, "key");

        var body = ReminderTemplates.For(reminder, CultureInfo.GetCultureInfo(culture));

        Assert.Contains("Posiedzenie RKRES", body.Subject + body.Paragraphs[0]);
        Assert.Contains(culture == "pl-PL" ? "4 maja 2026 r." : "4 May 2026", body.Subject + body.Paragraphs[0]);
        Assert.Equal("x", body.Action!.Path);
        Assert.DoesNotContain("..", body.Subject + body.Paragraphs[0]);
        Assert.Matches(@"[.!]$|r\.$", body.Paragraphs[0]);
    }
}
