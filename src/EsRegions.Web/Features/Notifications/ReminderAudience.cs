using System.Globalization;

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
    /// What this recipient reads instead of the shared text of <see cref="ReminderTemplates"/>: a personal link (e.g. a
    /// new reply link, added to the sweeper's unit of work), or words addressed to the recipient; null keeps the shared one.
    /// </summary>
    Task<EmailBody?> PersonalBodyAsync(Reminder reminder, EmailAddress recipient, CultureInfo culture, CancellationToken ct) =>
        Task.FromResult<EmailBody?>(null);
}

public sealed class ReminderAudience : IReminderAudience
{
    public const string Explicit = "explicit";

    public string Rule => Explicit;

    public Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<EmailAddress>>(reminder.Recipients.Select(r => new EmailAddress(r.Address, r.Name)).ToList());
}
