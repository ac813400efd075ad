using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>One row of the raport z konsultacji.</summary>
public sealed record ReportRow(int Number, Guid CommentId, string Submitter, string Element, string CurrentText, string ProposedChange,
    string Justification, string Position, string PositionJustification);

public sealed record ReportDto(Guid Id, string Title, string Phase, DateOnly OpensOn, DateOnly ClosesOn, DateTimeOffset? PublishedAt,
    int Participants, int Comments, IReadOnlyList<ReportRow> Rows);

/// <summary>
/// The consultation report: every comment that was not withdrawn, in the order of the draft (whole document first),
/// with the operator's position on it. Shared by the staff page, the public page, XLSX and JSON.
/// </summary>
public sealed class ConsultationReport(EsRegionsDbContext db, TimeProvider clock)
{
    /// <summary>The element of a comment on no part in particular (Polish in files and API; pages translate it).</summary>
    public const string WholeDocument = "Dokument jako całość";

    /// <summary>What introduces a proposed wording after the comment in the report's "Proponowana zmiana" column.</summary>
    public const string ProposalLabel = "Proponowany zapis";

    /// <summary>A row's proposed change with <see cref="ProposalLabel"/> in the page's words (<paramref name="label"/>).</summary>
    public static string ProposedChangeIn(ReportRow row, string label) =>
        row.ProposedChange.Replace($"\n{ProposalLabel}: ", $"\n{label}: ", StringComparison.Ordinal);

    public static readonly string[] Columns =
        ["Lp.", "Zgłaszający", "Element", "Obecny zapis", "Proponowana zmiana", "Uzasadnienie", "Stanowisko", "Uzasadnienie stanowiska"];

    public async Task<ReportDto?> BuildAsync(Guid consultationId, CancellationToken ct)
    {
        var c = await db.Set<Consultation>().FirstOrDefaultAsync(x => x.Id == consultationId, ct);
        if (c is null) return null;
        var elements = await db.Set<ConsultationElement>().Where(e => e.ConsultationId == c.Id).ToDictionaryAsync(e => e.Id, ct);
        var participants = await db.Set<ConsultationParticipant>().Where(p => p.ConsultationId == c.Id).ToDictionaryAsync(p => p.Id, ct);
        var comments = await db.Set<ConsultationComment>().Where(x => x.ConsultationId == c.Id && x.WithdrawnAt == null).ToListAsync(ct);
        var rows = comments
            .OrderBy(x => x.ElementId is { } e ? elements[e].Position + 1 : 0).ThenBy(x => x.CreatedAt)
            .Select((x, i) =>
            {
                var element = x.ElementId is { } e ? elements[e] : null;
                return new ReportRow(i + 1, x.Id, participants[x.ParticipantId].DisplayName,
                    element?.Name ?? WholeDocument,
                    element is null ? "" : element.Text.Length > 0 ? element.Text : element.Title,
                    x.Proposal is null ? x.Text : $"{x.Text}\n{ProposalLabel}: {x.Proposal}",
                    x.Justification ?? "", DecisionText(x.Decision), x.ResponseJustification ?? "");
            }).ToList();
        return new ReportDto(c.Id, c.Title, ConsultationText.PhaseKey(c.PhaseAt(clock.GetUtcNow())), c.Schedule.OpensOn,
            c.Schedule.EffectiveClosesOn, c.ReportPublishedAt, participants.Values.Count(p => p.Active), rows.Count, rows);
    }

    public static string DecisionText(CommentDecision? d) => d switch
    {
        CommentDecision.Accepted => "Uwaga uwzględniona",
        CommentDecision.PartlyAccepted => "Uwaga częściowo uwzględniona",
        CommentDecision.Rejected => "Uwaga nieuwzględniona",
        _ => "",
    };
}
