using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>Consultations' answer to a plan's state page (<see cref="IPlanConsultations"/>): the plan's consultations, newest first.</summary>
public sealed class PlanConsultationsSource(EsRegionsDbContext db, TimeProvider clock) : IPlanConsultations
{
    public async Task<IReadOnlyList<PlanConsultation>> ForPlanAsync(Guid planId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var consultations = await db.Set<Consultation>().AsNoTracking().Where(c => c.PlanId == planId)
            .OrderByDescending(c => c.Schedule.OpensOn).ToListAsync(ct);
        return consultations.Select(c => new PlanConsultation(c.Title, c.PlanVersion, ConsultationText.Phase(c.PhaseAt(now)),
            c.Schedule.OpensOn, c.Schedule.EffectiveClosesOn, ConsultationPaths.Staff(c.Id))).ToList();
    }
}
