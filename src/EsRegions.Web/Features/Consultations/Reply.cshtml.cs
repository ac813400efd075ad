using EsRegions.Web.Infrastructure.Links;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// The participant's reply page, opened from the personal e-mail link: the draft's structure with a box for the whole
/// document and for each element. GET only shows (mail scanners open links); saving and withdrawing are POSTs. Any
/// link that opens nothing gets the shared invalid-link page.
/// </summary>
[TenantScoped]
[AllowAnonymous]
[EmailLinkPage]
[EnableRateLimiting(EmailLinkPages.RateLimitPolicy)]
public sealed class ReplyModel(ConsultationLinks links, ConsultationQueries queries, ConsultationReplies replies, TimeProvider clock) : PageModel
{
    public sealed class Box
    {
        public Guid? ElementId { get; set; }
        public string? Comment { get; set; }
        public string? Proposal { get; set; }
        public string? Justification { get; set; }
    }

    public bool Invalid { get; private set; }
    public Consultation Consultation { get; private set; } = null!;
    public ConsultationParticipant Participant { get; private set; } = null!;
    public IReadOnlyList<ConsultationElement> Elements { get; private set; } = [];
    public IReadOnlyList<ConsultationComment> Mine { get; private set; } = [];
    public bool Open { get; private set; }
    public ReplySaved? Saved { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Keyed by the box's index on the page ("Boxes[3].Comment"), so any subset of boxes may be posted.</summary>
    [BindProperty] public Dictionary<int, Box> Boxes { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, int? dodano, int? zmieniono, int? wycofano, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return InvalidLink();
        if (dodano is not null) Saved = new ReplySaved(dodano.Value, zmieniono ?? 0, wycofano ?? 0);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return InvalidLink();
        foreach (var (i, box) in Boxes) Check(i, box);
        if (!Open || Errors.Count > 0) return Page();
        var saved = await replies.SaveAsync(Consultation, Participant,
            Boxes.Values.Select(b => new ReplyBox(b.ElementId, b.Comment, b.Proposal, b.Justification)).ToList(), ct);
        return Redirect($"{Request.PathBase}/{ConsultationLinks.ReplyPath(token)}?dodano={saved.Added}&zmieniono={saved.Changed}&wycofano={saved.Withdrawn}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string token, Guid commentId, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return InvalidLink();
        if (!Open) return Page();
        var withdrawn = await replies.WithdrawAsync(Consultation, Participant, commentId, ct) ? 1 : 0;
        return Redirect($"{Request.PathBase}/{ConsultationLinks.ReplyPath(token)}?dodano=0&zmieniono=0&wycofano={withdrawn}");
    }

    public ConsultationComment? CommentOn(Guid? elementId) => Mine.FirstOrDefault(c => c.ElementId == elementId && !c.Withdrawn);

    /// <summary>What a box shows: what was just posted (after an error) or the stored comment.</summary>
    public Box Shown(int index, Guid? elementId)
    {
        if (Errors.Count > 0 && Boxes.TryGetValue(index, out var posted) && posted.ElementId == elementId) return posted;
        var c = CommentOn(elementId);
        return new Box { ElementId = elementId, Comment = c?.Text, Proposal = c?.Proposal, Justification = c?.Justification };
    }

    private void Check(int i, Box b)
    {
        foreach (var (field, value) in new[] { ("Comment", b.Comment), ("Proposal", b.Proposal), ("Justification", b.Justification) })
            if (value?.Length > ConsultationComment.MaxLength)
                Errors[$"{i}.{field}"] = $"Tekst może mieć najwyżej {ConsultationComment.MaxLength} znaków (wpisano {value.Length}).";
        if (string.IsNullOrWhiteSpace(b.Comment) && (!string.IsNullOrWhiteSpace(b.Proposal) || !string.IsNullOrWhiteSpace(b.Justification)))
            Errors[$"{i}.Comment"] = "Wpisz treść uwagi (proponowany zapis i uzasadnienie jej dotyczą).";
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await links.ResolveAsync(token, ct) is not { } found) return false;
        (Participant, Consultation, var link) = found;
        var now = clock.GetUtcNow();
        Open = Consultation.AcceptsReplies(now);
        if (HttpMethods.IsPost(Request.Method)) link.MarkUsed(now);
        Elements = await queries.ElementsAsync(Consultation.Id, ct);
        Mine = await replies.OfAsync(Participant, ct);
        return true;
    }

    private PageResult InvalidLink()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
