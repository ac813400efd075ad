namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// Resolves who receives a reminder when it fires. "explicit" uses the recipients stored with the reminder; modules
/// add rules such as "participants who have not replied yet".
/// </summary>
public interface IReminderAudience
{
    string Rule { get; }

    Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct);

    /// <summary>
    /// A link path of the recipient's own (e.g. a new personal reply link, added to the sweeper's unit of work), used
    /// instead of the reminder's shared <see cref="Reminder.LinkPath"/>; null keeps the shared one.
    /// </summary>
    Task<string?> PersonalLinkAsync(Reminder reminder, EmailAddress recipient, CancellationToken ct) => Task.FromResult<string?>(null);
}

public sealed class ReminderAudience : IReminderAudience
{
    public const string Explicit = "explicit";

    public string Rule => Explicit;

    public Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<EmailAddress>>(reminder.Recipients.Select(r => new EmailAddress(r.Address, r.Name)).ToList());
}
