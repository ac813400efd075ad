using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Security;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Notifications;

/// <summary>The tenant's outbox for staff: what is waiting, what failed and why, and re-sending a failed e-mail.</summary>
[TenantScoped]
[Authorize(Policy = Policies.TenantStaff)]
public sealed class OutboxPageModel(EsRegionsDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, DateTimeOffset CreatedAt, string To, string Subject, OutboxState State,
        int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastResponse);

    [BindProperty(SupportsGet = true)]
    public OutboxState? State { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<OutboxState, int> Counts { get; private set; } = new Dictionary<OutboxState, int>();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await db.Set<OutboxMessage>().GroupBy(m => m.State).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
        var state = State ?? OutboxState.Failed;
        Rows = await db.Set<OutboxMessage>()
            .Where(m => m.State == state)
            .OrderByDescending(m => m.CreatedAt)
            .Take(200)
            .Select(m => new Row(m.Id, m.CreatedAt, m.ToName == null ? m.ToAddress : m.ToName + " <" + m.ToAddress + ">",
                m.Subject, m.State, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastResponse))
            .ToListAsync(ct);
        State = state;
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return NotFound();
        if (message.State != OutboxState.Failed) return RedirectToPage(new { state = OutboxState.Failed });
        message.Resend(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Notice = message.ToAddress;
        return RedirectToPage(new { state = OutboxState.Failed });
    }
}
