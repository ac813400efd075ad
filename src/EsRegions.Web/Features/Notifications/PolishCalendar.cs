using System.Collections.Concurrent;

namespace EsRegions.Web.Features.Notifications;

/// <summary>A Polish statutory day off (ustawa o dniach wolnych od pracy).</summary>
public sealed record Holiday(DateOnly Date, string NamePl, string NameEn);

/// <summary>Polish statutory days off, working-day deadline arithmetic and Europe/Warsaw wall-clock conversion.</summary>
public static class PolishCalendar
{
    /// <summary>The Europe/Warsaw time zone (CET/CEST).</summary>
    public static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    // Reminders ask about the same few years over and over; the lists are immutable, so caching them is safe.
    private static readonly ConcurrentDictionary<int, IReadOnlyList<Holiday>> Cache = new();

    /// <summary>Easter Sunday by the anonymous Gregorian (Meeus) computus; valid for 1583–4099.</summary>
    public static DateOnly EasterSunday(int year)
    {
        // The algorithm is only defined for the Gregorian calendar (from 1583) and verified up to 4099.
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 4099);

        int a = year % 19, b = year / 100, c = year % 100;
        int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int n = h + l - (7 * m) + 114;
        return new DateOnly(year, n / 31, (n % 31) + 1);
    }

    /// <summary>The statutory holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<Holiday> Holidays(int year) => Cache.GetOrAdd(year, Build);

    private static IReadOnlyList<Holiday> Build(int year)
    {
        var easter = EasterSunday(year);
        var list = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "Nowy Rok", "New Year's Day"),
            new(new DateOnly(year, 1, 6), "Święto Trzech Króli", "Epiphany"),
            new(easter, "Wielkanoc", "Easter Sunday"),
            new(easter.AddDays(1), "Poniedziałek Wielkanocny", "Easter Monday"),
            new(new DateOnly(year, 5, 1), "Święto Pracy", "Labour Day"),
            new(new DateOnly(year, 5, 3), "Święto Konstytucji 3 Maja", "Constitution Day"),
            new(easter.AddDays(49), "Zesłanie Ducha Świętego (Zielone Świątki)", "Pentecost Sunday"),
            new(easter.AddDays(60), "Boże Ciało", "Corpus Christi"),
            new(new DateOnly(year, 8, 15), "Wniebowzięcie Najświętszej Maryi Panny", "Assumption of Mary"),
            new(new DateOnly(year, 11, 1), "Wszystkich Świętych", "All Saints' Day"),
            new(new DateOnly(year, 11, 11), "Narodowe Święto Niepodległości", "National Independence Day"),
        };
        // Christmas Eve became a statutory day off by the 2024 amendment, effective from 2025.
        if (year >= 2025)
        {
            list.Add(new(new DateOnly(year, 12, 24), "Wigilia Bożego Narodzenia", "Christmas Eve"));
        }
        list.Add(new(new DateOnly(year, 12, 25), "Boże Narodzenie (pierwszy dzień)", "Christmas Day"));
        list.Add(new(new DateOnly(year, 12, 26), "Drugi dzień Bożego Narodzenia", "Second Day of Christmas"));
        return list.AsReadOnly();
    }

    /// <summary>True if <paramref name="date"/> is a statutory holiday.</summary>
    public static bool IsHoliday(DateOnly date)
    {
        foreach (var holiday in Holidays(date.Year))
        {
            if (holiday.Date == date)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True on Sundays and holidays — the statutory days off.</summary>
    public static bool IsDayOff(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday || IsHoliday(date);

    /// <summary>True Monday–Friday unless the day is a holiday.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The date itself if it is a working day, otherwise the first working day after it.</summary>
    public static DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        // Polish administrative procedure moves a deadline falling on a Saturday or a day off to the next working day.
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }
        return date;
    }

    /// <summary>Moves <paramref name="deadline"/> to the next working day when asked to; otherwise returns it unchanged.</summary>
    public static DateOnly AdjustDeadline(DateOnly deadline, bool moveToNextWorkingDay) =>
        moveToNextWorkingDay ? NextWorkingDayOnOrAfter(deadline) : deadline;

    /// <summary>Moves <paramref name="days"/> working days forward (positive) or backward (negative); 0 returns the date.</summary>
    public static DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        for (var remaining = Math.Abs(days); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }
        return date;
    }

    /// <summary>The UTC instant of a Warsaw wall-clock time; gap times move to the first valid later time, ambiguous ones take summer time.</summary>
    public static DateTimeOffset AtWarsawTime(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A spring-forward gap has no instant; walk to the next whole minute until the clock exists again (03:00 CEST).
        while (Warsaw.IsInvalidTime(local))
        {
            local = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified).AddMinutes(1);
        }
        // An autumn time occurs twice; the larger (summer) offset gives the earlier instant.
        var offset = Warsaw.IsAmbiguousTime(local) ? Warsaw.GetAmbiguousTimeOffsets(local).Max() : Warsaw.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>The calendar date in Warsaw at <paramref name="instant"/>.</summary>
    public static DateOnly WarsawDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Warsaw).DateTime);
}
