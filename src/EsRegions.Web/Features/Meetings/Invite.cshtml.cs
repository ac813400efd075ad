using System.Net.Mail;
using EsRegions.Web.Features.Committees;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Meetings;

/// <summary>The secretary picks committee members and adds other addresses, then sends: one e-mail per person through the outbox.</summary>
[TenantScoped]
[Authorize(Policy = Policies.CommitteeSecretariat)]
public sealed class InviteModel(EsRegionsDbContext db, MeetingInvitations invitations, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Candidate(Guid MemberId, string Name, string Email, string Committee, bool InMeetingsCommittee);

    [BindProperty] public List<Guid> Members { get; set; } = [];
    [BindProperty] public string? Others { get; set; }
    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public HashSet<string> AlreadyInvited { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Members = Candidates.Where(c => c.InMeetingsCommittee && !AlreadyInvited.Contains(c.Email)).Select(c => c.MemberId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var recipients = Candidates.Where(c => Members.Contains(c.MemberId)).Select(c => new Recipient(c.Email, c.Name, c.MemberId)).ToList();
        foreach (var line in (Others ?? "").Split(['\n', ',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (MailAddress.TryCreate(line, out var address)) recipients.Add(new Recipient(address.Address, string.IsNullOrWhiteSpace(address.DisplayName) ? null : address.DisplayName));
            else ModelState.AddModelError(nameof(Others), l["„{0}” nie jest adresem e-mail (zapisz np. Jan Kowalski <jan@example.pl>).", line]);
        }
        if (ModelState.IsValid && recipients.Count == 0) ModelState.AddModelError(nameof(Members), "Wybierz co najmniej jedną osobę albo wpisz adres.");
        if (!ModelState.IsValid) return Page();
        var batch = await invitations.InviteAsync(Meeting, recipients, User.Identity?.Name, ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/kalendarz/{id}/wysylka/{batch.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Meeting = (await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct))!;
        if (Meeting is null || !Meeting.CanInvite) return false;
        var today = MeetingsApi.LocalDay(clock.GetUtcNow());
        var committees = await db.Set<Committee>().ToDictionaryAsync(c => c.Id, c => c.ShortName ?? c.Name, ct);
        var members = await db.Set<CommitteeMember>().Where(m => m.Email != null && m.LeftOn == null && m.TermTo >= today)
            .OrderBy(m => m.FullName).ToListAsync(ct);
        Candidates = members.Select(m => new Candidate(m.Id, m.FullName, m.Email!.ToLowerInvariant(), committees[m.CommitteeId], m.CommitteeId == Meeting.CommitteeId))
            .OrderByDescending(c => c.InMeetingsCommittee).ThenBy(c => c.Committee).ThenBy(c => c.Name).ToList();
        AlreadyInvited = (await db.Set<Invitation>().Where(i => i.MeetingId == id).Select(i => i.Email).ToListAsync(ct)).ToHashSet();
        return true;
    }
}
