using EsRegions.Web.Features.Plans;
using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Consultations;

/// <summary>A section of uploaded material: a heading and its text.</summary>
public sealed record MaterialSection(string Title, string Text);

/// <summary>
/// Creates consultations and takes the consulted draft's structure: the plan's current version (goals, priorities,
/// directions, actions, labelled with the region's level names) or the sections of uploaded material.
/// </summary>
public sealed class ConsultationDrafts(EsRegionsDbContext db, TenantContext tenant)
{
    public const string SectionLabel = "Część";

    public async Task<Consultation?> CreateForPlanAsync(string title, Guid planId, DateOnly opensOn, DateOnly closesOn, bool? programme, CancellationToken ct)
    {
        var rows = await PlanRows.LoadAsync(db, planId, ct);
        if (rows is null) return null;
        var consultation = new Consultation(title, planId, rows.Plan.Version, programme ?? rows.Plan.Kind == PlanKind.MultiYear, Schedule(opensOn, closesOn));
        db.Add(consultation);
        db.AddRange(PlanElements(consultation.Id, rows));
        return consultation;
    }

    public Consultation CreateForMaterial(string title, IReadOnlyList<MaterialSection> sections, DateOnly opensOn, DateOnly closesOn, bool programme)
    {
        var consultation = new Consultation(title, null, null, programme, Schedule(opensOn, closesOn));
        db.Add(consultation);
        db.AddRange(sections.Select((s, i) =>
            new ConsultationElement(consultation.Id, Guid.CreateVersion7(), null, i, 0, SectionLabel, $"{i + 1}", s.Title.Trim(), s.Text.Trim(), null)));
        return consultation;
    }

    /// <summary>Before opening, the plan may have changed: the participants get the structure as it is at opening.</summary>
    public async Task RefreshFromPlanAsync(Consultation consultation, CancellationToken ct)
    {
        if (consultation.PlanId is not { } planId || await PlanRows.LoadAsync(db, planId, ct) is not { } rows) return;
        if (await db.Set<ConsultationComment>().AnyAsync(c => c.ConsultationId == consultation.Id, ct)) return;
        db.RemoveRange(await db.Set<ConsultationElement>().Where(e => e.ConsultationId == consultation.Id).ToListAsync(ct));
        db.AddRange(PlanElements(consultation.Id, rows));
    }

    public ConsultationSchedule Schedule(DateOnly opensOn, DateOnly closesOn) =>
        ConsultationSchedule.Create(opensOn, closesOn, tenant.Required.Settings.Reminders.MoveDeadlineToNextWorkingDay);

    private List<ConsultationElement> PlanElements(Guid consultationId, PlanRows rows)
    {
        var levels = tenant.Required.Settings.PlanLevels;
        var labels = levels.ToDictionary(l => l.Key, l => l.Label);
        var actionLabel = levels[^1].Label;
        var elements = new List<ConsultationElement>();

        void Add(PlanNode node, Guid? parentId, int depth)
        {
            var id = Guid.CreateVersion7();
            var label = labels.GetValueOrDefault(node.Level, node.Level);
            elements.Add(new ConsultationElement(consultationId, id, parentId, elements.Count, depth, label, node.Code, node.Title, "", node.Id));
            foreach (var a in rows.Actions[node.Id])
                elements.Add(new ConsultationElement(consultationId, Guid.CreateVersion7(), id, elements.Count, depth + 1, actionLabel, a.Code, a.Name,
                    ActionText(a), a.Id));
            foreach (var child in rows.Children[node.Id]) Add(child, id, depth + 1);
        }

        foreach (var root in rows.Children[null]) Add(root, null, 0);
        return elements;
    }

    private static string ActionText(PlanAction a) =>
        string.Join("\n", new[] { a.Description, a.Product.Length > 0 ? $"Produkt: {a.Product}" : "" }.Where(s => s.Length > 0));
}
