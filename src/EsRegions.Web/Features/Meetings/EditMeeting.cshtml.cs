using System.ComponentModel.DataAnnotations;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Meetings;

/// <summary>
/// The secretariat adds or edits a calendar entry: an exact meeting (day and hours) or a date as written
/// ("Połowa lutego"). Moving a meeting that has invitees sends them an update.
/// </summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class EditMeetingModel(EsRegionsDbContext db, MeetingInvitations invitations, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Podaj temat spotkania.")] [StringLength(1000)] [Display(Name = "Temat")]
        public string Title { get; set; } = "";
        [Display(Name = "Rodzaj")] public MeetingKind Kind { get; set; } = MeetingKind.Sitting;
        [Display(Name = "Komitet lub zespół")] public Guid? CommitteeId { get; set; }
        [Display(Name = "Dzień")] public DateOnly? Day { get; set; }
        [Display(Name = "Od godziny")] public TimeOnly? StartTime { get; set; }
        [Display(Name = "Do godziny")] public TimeOnly? EndTime { get; set; }
        [StringLength(100)] [Display(Name = "albo termin opisowy (np. „Połowa lutego 2027”)")] public string? DateText { get; set; }
        [StringLength(400)] [Display(Name = "Miejsce")] public string? Location { get; set; }
        [Display(Name = "Spotkanie online")] public bool Online { get; set; }
        [Url(ErrorMessage = "Podaj pełny adres (https://…).")] [Display(Name = "Link do spotkania online")] public string? OnlineUrl { get; set; }
        [StringLength(400)] [Display(Name = "Organizator")] public string? Organiser { get; set; }
        [StringLength(8000)] [Display(Name = "Porządek spotkania")] public string? Agenda { get; set; }
        [StringLength(4000)] [Display(Name = "Uwagi")] public string? Notes { get; set; }
        [Display(Name = "Materiały (w wierszu: tytuł | adres)")] public string? Materials { get; set; }
        [Display(Name = "Pokaż w kalendarzu publicznym")] public bool Public { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public Meeting? Existing { get; private set; }
    public Dictionary<Guid, string> Committees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Existing is { } m)
        {
            var local = m.StartsAt is { } s ? TimeZoneInfo.ConvertTime(s, PolishCalendar.Warsaw) : (DateTimeOffset?)null;
            var localEnd = m.EndsAt is { } e ? TimeZoneInfo.ConvertTime(e, PolishCalendar.Warsaw) : (DateTimeOffset?)null;
            Form = new Input
            {
                Title = m.Title, Kind = m.Kind, CommitteeId = m.CommitteeId, Location = m.Location, Online = m.Online, OnlineUrl = m.OnlineUrl,
                Organiser = m.Organiser, Agenda = m.Agenda, Notes = m.Notes, Public = m.IsPublic,
                Day = local is { } l ? DateOnly.FromDateTime(l.DateTime) : m.Date.Precision == FuzzyDatePrecision.Day ? m.Date.From : null,
                StartTime = local is { } ls ? TimeOnly.FromDateTime(ls.DateTime) : null,
                EndTime = localEnd is { } le ? TimeOnly.FromDateTime(le.DateTime) : null,
                DateText = m.StartsAt is null && m.Date.Precision != FuzzyDatePrecision.Day ? m.Date.Text : null,
                Materials = string.Join("\n", m.Materials.Select(x => $"{x.Title} | {x.Url}")),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var when = When();
        var materials = Materials();
        if (Form.CommitteeId is { } c && !Committees.ContainsKey(c)) ModelState.AddModelError("Form.CommitteeId", "Wybierz komitet z listy.");
        if (!ModelState.IsValid || when is null || materials is null) return Page();
        var meeting = Existing ?? new Meeting(Form.Title, Form.Kind, when.Value.Date);
        if (Existing is null) db.Add(meeting);
        meeting.Describe(Form.Title, Form.Kind, Form.Organiser, Form.Agenda, Form.Notes, Form.CommitteeId, Form.Public);
        meeting.SetMaterials(materials);
        var moved = meeting.Schedule(when.Value.Date, when.Value.Start, when.Value.End, Form.Location, Form.Online, Form.OnlineUrl);
        var batch = Existing is not null && moved ? await invitations.SendUpdateAsync(meeting, User.Identity?.Name, ct) : null;
        await db.SaveChangesAsync(ct);
        return Redirect(batch is null ? $"{Request.PathBase}/kalendarz/{meeting.Id}" : $"{Request.PathBase}/kalendarz/{meeting.Id}/wysylka/{batch.Id}");
    }

    private (FuzzyDate Date, DateTimeOffset? Start, DateTimeOffset? End)? When()
    {
        if (Form.Day is { } day)
        {
            if (Form.StartTime is null && Form.EndTime is null) return (FuzzyDate.Exact(day), null, null);
            if (Form.StartTime is null) { ModelState.AddModelError("Form.StartTime", "Podaj godzinę rozpoczęcia."); return null; }
            if (Form.EndTime is null || Form.EndTime <= Form.StartTime) { ModelState.AddModelError("Form.EndTime", "Podaj godzinę zakończenia późniejszą niż rozpoczęcia."); return null; }
            return (FuzzyDate.Exact(day), PolishCalendar.AtWarsawTime(day, Form.StartTime.Value), PolishCalendar.AtWarsawTime(day, Form.EndTime.Value));
        }
        var year = Existing?.Date.From.Year ?? MeetingsApi.LocalDay(clock.GetUtcNow()).Year;
        if (!string.IsNullOrWhiteSpace(Form.DateText) && FuzzyDate.TryParse(Form.DateText, year, out var fuzzy)) return (fuzzy, null, null);
        ModelState.AddModelError(string.IsNullOrWhiteSpace(Form.DateText) ? "Form.Day" : "Form.DateText",
            string.IsNullOrWhiteSpace(Form.DateText) ? "Podaj dzień spotkania albo termin opisowy." : "Nie rozpoznano terminu: zapisz go np. „12 stycznia”, „17-18 listopada”, „Połowa lutego”, „Do 4 kwietnia” albo „Styczeń 2027”.");
        return null;
    }

    private List<MeetingMaterial>? Materials()
    {
        var result = new List<MeetingMaterial>();
        foreach (var line in (Form.Materials ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            var url = parts.Length == 2 ? parts[1] : parts[0];
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("https" or "http"))
            {
                ModelState.AddModelError("Form.Materials", l["W wierszu „{0}” brakuje pełnego adresu (https://…).", line]);
                return null;
            }
            result.Add(new MeetingMaterial(parts.Length == 2 && parts[0].Length > 0 ? parts[0] : url, url));
        }
        return result;
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        Committees = await db.Set<Committee>().OrderBy(c => c.Name).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        if (id is null) return true;
        Existing = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct);
        return Existing is not null && !Existing.IsCancelled;
    }
}
