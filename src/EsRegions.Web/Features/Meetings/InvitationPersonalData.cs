using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Meetings;

/// <summary>
/// RODO: the meeting invitations sent to a person and their RSVP answers. Erasure anonymises the recipient (name,
/// address, the substitute they named) and revokes the personal RSVP link; the answer and attendance stay as the
/// meeting's counts.
/// </summary>
public sealed class InvitationPersonalData(EsRegionsDbContext db, EmailLinks links) : IPersonalDataSource
{
    public string Name => "meetingInvitations";

    public sealed record Answer(string Meeting, string Date, DateTimeOffset? StartsAt, string Email, string? Name, string Status,
        string? Substitute, DateTimeOffset? RespondedAt, bool? Attended, DateTimeOffset InvitedAt);

    public async Task<IReadOnlyList<object>> ExportAsync(PersonRef person, CancellationToken ct) =>
        await db.Set<Invitation>()
            .Where(i => i.Email.ToUpper() == person.NormalizedEmail)
            .Join(db.Set<Meeting>(), i => i.MeetingId, m => m.Id, (i, m) => new { i, m.Title, m.Date.Text, m.StartsAt })
            .OrderBy(x => x.i.CreatedAt)
            .Select(x => new Answer(x.Title, x.Text, x.StartsAt, x.i.Email, x.i.Name, x.i.Status.ToString(), x.i.Substitute,
                x.i.RespondedAt, x.i.Attended, x.i.CreatedAt))
            .Cast<object>()
            .ToListAsync(ct);

    public async Task<int> EraseAsync(PersonRef person, CancellationToken ct)
    {
        var invitations = await db.Set<Invitation>().Where(i => i.Email.ToUpper() == person.NormalizedEmail).ToListAsync(ct);
        foreach (var invitation in invitations)
        {
            invitation.Anonymise(PersonRef.ErasedLabel, PersonRef.ErasedEmail(invitation.Id));
            await links.RevokeAsync(MeetingInvitations.RsvpPurpose, invitation.Id, ct);
        }
        return invitations.Count;
    }
}
