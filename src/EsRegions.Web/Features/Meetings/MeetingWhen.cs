using System.Globalization;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Features.Meetings;

/// <summary>
/// When a meeting takes place, in words: "wtorek, 17 marca 2026 r., godz. 10:00–12:00" in Polish, "Tuesday 17 March
/// 2026, 10:00–12:00" in English; the day(s) of a dated entry; the written text of vaguer ones ("Połowa lutego").
/// E-mails always use Polish; pages the interface's language (<see cref="ForPage"/>).
/// </summary>
public static class MeetingWhen
{
    public static string ForPage(Meeting m) => Text(m, CultureInfo.CurrentUICulture);

    public static string Text(Meeting m, CultureInfo culture)
    {
        var c = UiFormat.Of(culture);
        var english = c != UiFormat.Polish;
        var (day, date, at) = english ? ("dddd d MMMM yyyy", "d MMMM yyyy", "', 'HH:mm") : ("dddd, d MMMM yyyy 'r.'", "d MMMM yyyy 'r.'", "', godz.' HH:mm");
        if (m.StartsAt is { } start)
        {
            var s = TimeZoneInfo.ConvertTime(start, PolishCalendar.Warsaw);
            var text = s.ToString(day + at, c);
            if (m.EndsAt is { } endsAt)
            {
                var e = TimeZoneInfo.ConvertTime(endsAt, PolishCalendar.Warsaw);
                text += e.Date == s.Date ? e.ToString("'–'HH:mm", c) : e.ToString("' – '" + date + at, c);
            }
            return text;
        }
        var d = m.Date;
        return d.Precision switch
        {
            FuzzyDatePrecision.Day => d.From.ToString(day, c),
            FuzzyDatePrecision.DayRange when d.From.Month == d.To.Month => $"{d.From.Day}–{d.To.ToString(date, c)}",
            FuzzyDatePrecision.DayRange => $"{d.From.ToString("d MMMM", c)} – {d.To.ToString(date, c)}",
            _ => $"{d.Text} ({d.From.Year})",
        };
    }
}
