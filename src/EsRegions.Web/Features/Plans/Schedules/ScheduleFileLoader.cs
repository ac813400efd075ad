using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Plans.Schedules;

/// <summary>
/// Loads tenants/&lt;slug&gt;/schedules/*.json once each (after the plans, which a schedule may name); a schedule
/// already loaded is left as staff may have changed its tasks.
/// </summary>
internal sealed class ScheduleFileLoader(EsRegionsDbContext db, ScheduleReminders reminders) : ITenantDataLoader
{
    public async Task LoadAsync(Tenant tenant, string folder, CancellationToken ct)
    {
        var schedules = Path.Combine(folder, "schedules");
        if (!Directory.Exists(schedules)) return;
        foreach (var file in Directory.GetFiles(schedules, "*.json").Order())
        {
            var name = Path.GetFileName(file);
            if (await db.Set<PlanSchedule>().AnyAsync(s => s.SourceFile == name, ct)) continue;
            var display = $"tenants/{tenant.Slug}/schedules/{name}";
            await using var stream = File.OpenRead(file);
            var (document, check) = await ScheduleDocumentReader.ReadAsync(stream, display, ct);
            if (document is null) throw new TenantConfigurationException(check.Errors);
            Guid? planId = null;
            if (document.PlanFile is not null)
            {
                planId = await db.Set<Plan>().Where(p => p.SourceFile == document.PlanFile).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
                if (planId is null)
                    throw new TenantConfigurationException([$"{display}: $.plan: no plan file '{document.PlanFile}' in tenants/{tenant.Slug}/plans/"]);
            }
            foreach (var task in Add(document, planId, name)) await reminders.SyncAsync(task, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private List<ScheduleTask> Add(ScheduleDocument doc, Guid? planId, string sourceFile)
    {
        var schedule = new PlanSchedule(planId, doc.Title, doc.Heading, doc.From, doc.To, doc.Source, doc.Notes, sourceFile);
        db.Add(schedule);
        var tasks = new List<ScheduleTask>();
        for (var i = 0; i < doc.Phases.Count; i++)
        {
            var p = doc.Phases[i];
            var phase = new SchedulePhase(schedule.Id, i, p.Code, p.Title, p.Details);
            db.Add(phase);
            tasks.AddRange(p.Tasks.Select((t, j) => new ScheduleTask(schedule.Id, phase.Id, j, t.Title, t.From, t.To, t.Owner, t.Status, t.Note)));
        }
        db.AddRange(tasks);
        return tasks;
    }
}
