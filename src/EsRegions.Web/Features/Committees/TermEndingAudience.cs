using System.Globalization;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Committees;

/// <summary>
/// Who hears that a seat's term ends ("termEnding"), decided when the reminder fires: the region's secretariat, with the
/// shared text and a link to the member's page, and the member at the address the seat has then, in words addressed to
/// them and without a link (the member has no account; the page would ask them to sign in). The reminder stores no
/// address: a corrected address needs no rescheduling, and a seat ended or erased (RODO) reaches no one but the
/// secretariat.
/// </summary>
public sealed class TermEndingAudience(EsRegionsDbContext db, TenantContext tenant) : IReminderAudience
{
    public const string RuleName = "committee-term-ending";

    public string Rule => RuleName;

    public async Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct)
    {
        var op = tenant.Required.Settings.Operator;
        List<EmailAddress> recipients = [new(op.Email, op.ShortName)];
        var member = await MemberAsync(reminder, ct);
        if (member is { Email: { } email, LeftOn: null, IsErased: false } && !email.Equals(op.Email, StringComparison.OrdinalIgnoreCase))
            recipients.Add(new EmailAddress(email, member.FullName));
        return recipients;
    }

    public async Task<EmailBody?> PersonalBodyAsync(Reminder reminder, EmailAddress recipient, CultureInfo culture, CancellationToken ct)
    {
        var op = tenant.Required.Settings.Operator;
        if (recipient.Address.Equals(op.Email, StringComparison.OrdinalIgnoreCase)) return null;
        var committee = await (from m in db.Set<CommitteeMember>().AsNoTracking()
                               join c in db.Set<Committee>().AsNoTracking() on m.CommitteeId equals c.Id
                               where m.Id == reminder.SubjectId
                               select c).FirstOrDefaultAsync(ct);
        return committee is null ? null : ForMember(committee, reminder.Deadline, op.Email, culture);
    }

    /// <summary>The member's own e-mail: their term on the body ends on the date; whom to ask about staying on.</summary>
    public static EmailBody ForMember(Committee committee, DateOnly termTo, string secretariat, CultureInfo culture)
    {
        var en = culture.TwoLetterISOLanguageName == "en";
        var body = committee.ShortName ?? committee.Name;
        var name = (en ? $"“{committee.Name}”" : $"„{committee.Name}”") + (committee.ShortName is { } shortName ? $" ({shortName})" : "");
        return en
            ? new EmailBody($"Your term of office on {body} is ending",
                [$"Your term of office on {name} ends on {termTo.ToString("d MMMM yyyy", culture)}.",
                 $"If you would like to stay on, or have any questions, please write to the secretariat: {secretariat}."])
            : new EmailBody($"Kończy się Pani/Pana kadencja: {body}",
                [$"Przypominamy, że {termTo.ToString("d MMMM yyyy 'r.'", culture)} kończy się Pani/Pana kadencja w składzie {name}.",
                 $"W sprawie dalszego udziału lub w razie pytań prosimy o kontakt z sekretariatem: {secretariat}."]);
    }

    private Task<CommitteeMember?> MemberAsync(Reminder reminder, CancellationToken ct) =>
        db.Set<CommitteeMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == reminder.SubjectId, ct);
}
