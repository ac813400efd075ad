namespace EsRegions.Web.Features.Plans;

/// <summary>A plan as written in the file format of tenants/PLAN-FORMAT.md, checked and ready to store.</summary>
public sealed record PlanDocument(string Title, PlanKind Kind, int? YearFrom, int? YearTo, PlanStatus Status, Resolution? Resolution,
    string? Source, IReadOnlyList<string> Notes, IReadOnlyList<NodeDocument> Nodes, string? ResolutionUnknown = null, ParentReference? Parent = null);

/// <summary>The multi-year plan an annual plan belongs to: by file name in tenants/&lt;slug&gt;/plans/, or by id.</summary>
public sealed record ParentReference(string? File, Guid? Id);

public sealed record NodeDocument(string Level, string Code, string Title, IReadOnlyList<NodeDocument> Children, IReadOnlyList<ActionDocument> Actions);

public sealed record ActionDocument(string Code, string Name, string Description, string Product, IReadOnlyList<IndicatorDocument> Indicators,
    IReadOnlyList<BudgetLine> Budget, string Timeframe, IReadOnlyList<string> Implementers, string? Coordinator, IReadOnlyList<string> EngagedBodies);

public sealed record IndicatorDocument(string Name, TargetKind Kind, decimal? Value, string? Unit, string Text, string? Baseline, string? CatalogueCode);
