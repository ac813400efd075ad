using EsRegions.Web.Features.Consultations;

namespace EsRegions.UnitTests.Features.Consultations;

public sealed class ConsultationScheduleTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Fact]
    public void A_programme_consultation_of_34_days_is_warned_about_and_35_days_is_not()
    {
        var shortOne = ConsultationSchedule.Create(D("2026-03-02"), D("2026-04-04"), moveToNextWorkingDay: false);
        var enough = ConsultationSchedule.Create(D("2026-03-02"), D("2026-04-05"), moveToNextWorkingDay: false);

        Assert.Equal(34, shortOne.Days);
        Assert.Contains(shortOne.Warnings(programme: true), w => w.Code == ConsultationWarning.ShorterThanStatutory && w.Message.Contains("34 dni"));
        Assert.Equal(35, enough.Days);
        Assert.DoesNotContain(enough.Warnings(programme: true), w => w.Code == ConsultationWarning.ShorterThanStatutory);
    }

    [Fact]
    public void Material_that_is_not_a_programme_gets_no_35_day_warning()
    {
        var week = ConsultationSchedule.Create(D("2026-03-02"), D("2026-03-06"), moveToNextWorkingDay: false);

        Assert.Empty(week.Warnings(programme: false));
    }

    [Fact]
    public void A_closing_day_on_a_holiday_moves_to_the_next_working_day_when_the_tenant_says_so()
    {
        // 2026-04-05 is Easter Sunday and 04-06 Easter Monday: the next working day is Tuesday 04-07.
        var moved = ConsultationSchedule.Create(D("2026-03-02"), D("2026-04-05"), moveToNextWorkingDay: true);
        var kept = ConsultationSchedule.Create(D("2026-03-02"), D("2026-04-05"), moveToNextWorkingDay: false);

        Assert.Equal(D("2026-04-07"), moved.EffectiveClosesOn);
        Assert.Contains(moved.Warnings(programme: true), w => w.Code == ConsultationWarning.ClosingDayMoved);
        Assert.Equal(D("2026-04-05"), kept.EffectiveClosesOn);
    }

    [Fact]
    public void Comments_are_accepted_until_midnight_Warsaw_time_at_the_end_of_the_closing_day()
    {
        var summer = ConsultationSchedule.Create(D("2026-06-01"), D("2026-07-10"), moveToNextWorkingDay: false);
        var winter = ConsultationSchedule.Create(D("2026-01-05"), D("2026-02-13"), moveToNextWorkingDay: false);

        Assert.Equal(new DateTimeOffset(2026, 7, 10, 22, 0, 0, TimeSpan.Zero), summer.ClosesAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 13, 23, 0, 0, TimeSpan.Zero), winter.ClosesAt);
    }

    [Fact]
    public void An_open_consultation_is_closed_once_its_time_is_up_and_stops_accepting_replies()
    {
        var c = new Consultation("Projekt", null, null, true, ConsultationSchedule.Create(D("2026-03-02"), D("2026-04-10"), false));
        c.Open(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

        Assert.True(c.AcceptsReplies(new DateTimeOffset(2026, 4, 10, 21, 59, 0, TimeSpan.Zero)));
        Assert.Equal(ConsultationPhase.Closed, c.PhaseAt(new DateTimeOffset(2026, 4, 10, 22, 0, 0, TimeSpan.Zero)));
        Assert.False(c.AcceptsReplies(new DateTimeOffset(2026, 4, 10, 22, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_report_can_be_published_only_after_the_close_and_only_once()
    {
        var c = new Consultation("Projekt", null, null, true, ConsultationSchedule.Create(D("2026-03-02"), D("2026-04-10"), false));
        var during = new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero);
        Assert.Throws<ConsultationStateException>(() => c.PublishReport(during));
        c.Open(during);
        Assert.Throws<ConsultationStateException>(() => c.PublishReport(during));

        c.PublishReport(new DateTimeOffset(2026, 4, 11, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(ConsultationPhase.ReportPublished, c.Phase);
        Assert.Throws<ConsultationStateException>(() => c.PublishReport(new DateTimeOffset(2026, 4, 12, 8, 0, 0, TimeSpan.Zero)));
    }
}
