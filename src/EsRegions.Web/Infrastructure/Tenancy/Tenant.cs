namespace EsRegions.Web.Infrastructure.Tenancy;

public enum TenantState { Active, Suspended }

/// <summary>
/// A voivodeship served by this deployment: its registry entry plus its settings from tenant.json. <see cref="State"/>
/// is the file's; the platform administrator may override it (ask <see cref="TenantRegistry.IsActive"/>).
/// </summary>
public sealed record Tenant(
    Guid Id,
    string Slug,
    string Name,
    string NameEn,
    IReadOnlyList<string> Hosts,
    TenantState State,
    TenantSettings Settings);

/// <summary>Contents of tenants/&lt;slug&gt;/tenant.json.</summary>
public sealed record TenantSettings(
    OperatorInfo Operator,
    CommitteeInfo Committee,
    IReadOnlyList<PlanLevelLabel> PlanLevels,
    ReminderPolicy Reminders,
    string TimeZone,
    string Locale,
    RetentionPolicy? Retention = null)
{
    /// <summary>The tenant's retention periods; none (keep until erased) when tenant.json has no "retention".</summary>
    public RetentionPolicy RetentionOrNone => Retention ?? RetentionPolicy.None;
}

public sealed record OperatorInfo(
    string Name,
    string ShortName,
    PostalAddress Address,
    string Email,
    string? Phone,
    string? Website,
    EmailSender Sender,
    string Signature);

public sealed record PostalAddress(string Street, string PostalCode, string City);

public sealed record EmailSender(string Name, string Email);

public sealed record CommitteeInfo(string Name, string ShortName, string Kind);

/// <summary>One level of the tenant's plan hierarchy, e.g. "cel szczegółowy" › "priorytet".</summary>
public sealed record PlanLevelLabel(string Key, string Label, string LabelEn);

/// <summary>Per-tenant reminder lead times; the kinds are defined by <see cref="ReminderPolicy.KnownKinds"/>.</summary>
public sealed record ReminderPolicy(
    bool MoveDeadlineToNextWorkingDay,
    IReadOnlyDictionary<string, ReminderRule> Kinds)
{
    public static readonly IReadOnlySet<string> KnownKinds = new HashSet<string>
    {
        "consultationClosing", "consultationClosed", "reportingDue", "reportingOverdue", "reportingEscalation", "meeting", "minutesMissing", "termEnding", "callDeadline", "callConfirmation", "scheduleTaskDue",
    };
}

public sealed record ReminderRule(IReadOnlyList<int> DaysBefore, IReadOnlyList<int> DaysAfter);

/// <summary>
/// How long personal data is kept (tenant.json "retention"; tenants/TENANT-FORMAT.md). A missing period keeps the data
/// until someone erases it. Applied daily by the privacy module's retention job.
/// </summary>
public sealed record RetentionPolicy(
    int? SentEmailsDays,
    int? ConsultationParticipantsMonths,
    int? MeetingInvitationsMonths,
    int? ErasureAuditYears)
{
    public static readonly RetentionPolicy None = new(null, null, null, null);
}
