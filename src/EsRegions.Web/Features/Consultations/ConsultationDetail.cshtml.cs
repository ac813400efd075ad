using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Consultations;

/// <summary>One consultation for staff: dates and warnings, phase actions, the public link, participants.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class ConsultationDetailModel(EsRegionsDbContext db, ConsultationQueries queries, ConsultationParticipants participants,
    ConsultationOpening opening, ConsultationPublicLink publicLink, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public ConsultationPhase Phase { get; private set; }
    public IReadOnlyList<ParticipantDto> People { get; private set; } = [];
    public IReadOnlyList<string> ListErrors { get; private set; } = [];
    public int Elements { get; private set; }
    public string? Done { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public string Source { get; set; } = "list";
    [BindProperty] public string? Pasted { get; set; }
    /// <summary>The value picked for a source that offers choices (the id of a committee or working group).</summary>
    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public IFormFile? CsvFile { get; set; }
    [BindProperty] public DateOnly? OpensOn { get; set; }
    [BindProperty] public DateOnly? ClosesOn { get; set; }

    public IReadOnlyList<IParticipantSource> Sources => participants.Sources;
    public Dictionary<string, IReadOnlyList<ParticipantSourceChoice>> Choices { get; private set; } = [];

    // What the last addition did, shown once after the redirect.
    [TempData] public int? AddedCount { get; set; }
    [TempData] public int? AlreadyCount { get; set; }
    [TempData] public string? SkippedList { get; set; }
    public IReadOnlyList<string> Skipped => SkippedList?.Split('\n') ?? [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? zrobione, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = zrobione;
        return Page();
    }

    public async Task<IActionResult> OnPostParticipantsAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var source = participants.Source(Source) ?? participants.Source("list")!;
        var picks = Choices.GetValueOrDefault(source.Key) is { Count: > 0 };
        var input = picks ? Choice ?? "" : Pasted ?? "";
        if (!picks && CsvFile is { Length: > 0 })
        {
            if (CsvFile.Length > 1024 * 1024) { ListErrors = [l["Plik jest większy niż 1 MB."]]; return Page(); }
            using var reader = new StreamReader(CsvFile.OpenReadStream());
            input = await reader.ReadToEndAsync(ct);
            source = participants.Source("csv") ?? source;
        }
        var read = await source.ReadAsync(input, ct);
        if (!read.Ok) { ListErrors = read.ErrorLines(l); return Page(); }
        var added = await participants.AddAsync(Consultation, read.Candidates, source.Key, ct);
        await db.SaveChangesAsync(ct);
        (AddedCount, AlreadyCount) = (added.Added, added.AlreadyThere);
        SkippedList = read.Skipped.Count > 0 ? string.Join('\n', read.SkippedLines(l).Take(50)) : null; // in the language of the post
        return Back(id, "uczestnicy");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid participantId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await participants.RemoveAsync(Consultation, participantId, ct) is null) return NotFound();
        await db.SaveChangesAsync(ct);
        return Back(id, "usunieto");
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try { await opening.OpenAsync(Consultation, ct); }
        catch (ConsultationStateException ex) { Error = ex.In(l); return Page(); }
        return Redirect($"{Request.PathBase}/{ConsultationPaths.Sending(id)}");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await TryAsync(() => opening.CloseAsync(Consultation, ct), id, "zamknieto");
    }

    public async Task<IActionResult> OnPostDatesAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (OpensOn is null) ModelState.AddModelError(nameof(OpensOn), "Podaj datę rozpoczęcia.");
        if (ClosesOn is null) ModelState.AddModelError(nameof(ClosesOn), "Podaj datę zakończenia.");
        else if (OpensOn is { } o && ClosesOn < o) ModelState.AddModelError(nameof(ClosesOn), "Data zakończenia jest wcześniejsza niż data rozpoczęcia.");
        if (!ModelState.IsValid) return Page();
        return await TryAsync(() => opening.RescheduleAsync(Consultation, OpensOn!.Value, ClosesOn!.Value, ct), id, "terminy");
    }

    public async Task<IActionResult> OnPostPublicLinkAsync(Guid id, bool enable, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (enable) publicLink.Enable(Consultation);
        else Consultation.DisablePublicLink();
        await db.SaveChangesAsync(ct);
        return Back(id, "link");
    }

    /// <summary>A phase rule the action breaks is shown on the page, not as an error status.</summary>
    private async Task<IActionResult> TryAsync(Func<Task> action, Guid id, string done)
    {
        try { await action(); }
        catch (ConsultationStateException ex) { Error = ex.In(l); return Page(); }
        return Back(id, done);
    }

    private RedirectResult Back(Guid id, string done) => Redirect($"{Request.PathBase}/{ConsultationPaths.Staff(id)}?zrobione={done}");

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Consultation>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        Consultation = c;
        Phase = c.PhaseAt(clock.GetUtcNow());
        People = await queries.ParticipantsAsync(id, ct);
        Elements = await db.Set<ConsultationElement>().CountAsync(e => e.ConsultationId == id, ct);
        foreach (var s in participants.Sources) Choices[s.Key] = await s.ChoicesAsync(ct);
        OpensOn ??= c.Schedule.OpensOn;
        ClosesOn ??= c.Schedule.ClosesOn;
        return true;
    }
}
