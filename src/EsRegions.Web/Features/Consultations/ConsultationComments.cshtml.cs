using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Consultations;

/// <summary>All comments, by element or by participant, each with the operator's response form.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class ConsultationCommentsModel(EsRegionsDbContext db, ConsultationQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<CommentDto> Comments { get; private set; } = [];
    public IReadOnlyList<ConsultationElement> Elements { get; private set; } = [];
    public bool ByParticipant { get; private set; }
    public Guid? FailedComment { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Widok { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRespondAsync(Guid id, Guid commentId, string? decision, string? justification, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var comment = await db.Set<ConsultationComment>().FirstOrDefaultAsync(c => c.Id == commentId && c.ConsultationId == id, ct);
        if (comment is null) return NotFound();
        Errors = ConsultationValidation.Response(decision, justification);
        // The API's words for a missing decision name its codes; the page names its choices. Both in the page's language.
        foreach (var key in Errors.Keys.ToList())
            Errors[key] = [key == "decision" ? l["Wybierz stanowisko: uwzględniona, częściowo uwzględniona albo nieuwzględniona."] : l[Errors[key][0]]];
        if (Errors.Count > 0) { FailedComment = commentId; return Page(); }
        try
        {
            if (Consultation.Phase == ConsultationPhase.ReportPublished)
                throw new ConsultationStateException("Raport został opublikowany: stanowisk nie można już zmienić.");
            comment.Respond(ConsultationText.ParseDecision(decision)!.Value, justification!, clock.GetUtcNow());
        }
        catch (ConsultationStateException ex) { Error = ex.In(l); FailedComment = commentId; return Page(); }
        await db.SaveChangesAsync(ct);
        return Redirect($"{Request.PathBase}/{ConsultationPaths.Comments(id)}?widok={Widok}#c-{commentId}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Consultation>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return false;
        Consultation = c;
        Comments = await queries.CommentsAsync(id, ct);
        Elements = await queries.ElementsAsync(id, ct);
        ByParticipant = Widok == "uczestnicy";
        return true;
    }

    /// <summary>The groups to show: elements in the draft's order (whole document first), or participants by name.</summary>
    public IEnumerable<(string Heading, string Key, IReadOnlyList<CommentDto> Items)> Groups()
    {
        if (ByParticipant)
            return Comments.GroupBy(x => (x.Participant, x.Organisation)).OrderBy(g => g.Key.Participant)
                .Select((g, i) => (g.Key.Organisation is null ? g.Key.Participant : $"{g.Key.Participant} ({g.Key.Organisation})", $"p{i}",
                    (IReadOnlyList<CommentDto>)g.ToList()));
        var byNode = Comments.ToLookup(x => x.NodeId);
        var groups = new List<(string, string, IReadOnlyList<CommentDto>)>();
        if (byNode[null].Any()) groups.Add((ConsultationReport.WholeDocument, "doc", byNode[null].ToList()));
        foreach (var e in Elements.Where(e => byNode[e.NodeId].Any()))
            groups.Add((e.Name, $"e{e.Position}", byNode[e.NodeId].ToList()));
        return groups;
    }
}
