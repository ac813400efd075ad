using System.Globalization;
using System.Text.RegularExpressions;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Features.Meetings;

/// <summary>
/// When a meeting takes place, in words: "wtorek, 17 marca 2026 r., godz. 10:00–12:00" in Polish, "Tuesday 17 March
/// 2026, 10:00–12:00" in English; the day(s) of a dated entry; vaguer ones as written in Polish ("Połowa lutego") and
/// in words in English ("mid-February 2022").
/// E-mails always use Polish; pages the interface's language (<see cref="ForPage"/>).
/// </summary>
public static partial class MeetingWhen
{
    public static string ForPage(Meeting m) => Text(m, CultureInfo.CurrentUICulture);

    /// <summary>
    /// The date as the calendar's lists show it, in the interface's language: a meeting with a time as
    /// <see cref="ForPage"/>; an entry without one as written on Polish pages ("Połowa lutego") and in English words on
    /// English ones ("mid-February"), with a year only when the written text has one.
    /// </summary>
    public static string Listed(Meeting m) => m.StartsAt is not null ? ForPage(m)
        : UiFormat.Of(CultureInfo.CurrentUICulture) == UiFormat.Polish ? m.Date.Text
        : English(m.Date, WrittenYear().IsMatch(m.Date.Text));

    /// <summary>An entry's date without a time, in English words ("19–20 May", "early March", "Q2–Q4", "by 4 April").</summary>
    public static string English(FuzzyDate d, bool withYear)
    {
        var en = UiFormat.English;
        string Day(DateOnly x) => x.ToString("d MMMM", en);
        string Month(DateOnly x) => x.ToString("MMMM", en);
        static int Quarter(DateOnly x) => (x.Month + 2) / 3;
        if (d.Precision == FuzzyDatePrecision.Year) return withYear ? $"throughout {d.From.Year}" : "all year";
        if (d.Precision == FuzzyDatePrecision.Quarters && d.From.Year != d.To.Year)
            return $"Q{Quarter(d.From)} {d.From.Year} – Q{Quarter(d.To)} {d.To.Year}";
        var text = d.Precision switch
        {
            FuzzyDatePrecision.Day => Day(d.From),
            FuzzyDatePrecision.DayRange when d.From.Month == d.To.Month => $"{d.From.Day}–{Day(d.To)}",
            FuzzyDatePrecision.DayRange => $"{Day(d.From)} – {Day(d.To)}",
            FuzzyDatePrecision.MidMonth => $"mid-{Month(d.From)}",
            FuzzyDatePrecision.EarlyMonth => $"early {Month(d.From)}",
            FuzzyDatePrecision.LateMonth => $"late {Month(d.From)}",
            FuzzyDatePrecision.Month => Month(d.From),
            FuzzyDatePrecision.Deadline => $"by {Day(d.From)}",
            _ => Quarter(d.From) == Quarter(d.To) ? $"Q{Quarter(d.From)}" : $"Q{Quarter(d.From)}–Q{Quarter(d.To)}",
        };
        return withYear ? $"{text} {d.To.Year}" : text;
    }

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")] private static partial Regex WrittenYear();

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
            _ when english => English(d, withYear: true),
            _ => $"{d.Text} ({d.From.Year})",
        };
    }
}
