namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// Resolves who receives a reminder when it fires. "explicit" uses the recipients stored with the reminder; modules
/// add rules such as "participants who have not replied yet".
/// </summary>
public interface IReminderAudience
{
    string Rule { get; }

    Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct);
}

public sealed class ReminderAudience : IReminderAudience
{
    public const string Explicit = "explicit";

    public string Rule => Explicit;

    public Task<IReadOnlyList<EmailAddress>> ResolveAsync(Reminder reminder, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<EmailAddress>>(reminder.Recipients.Select(r => new EmailAddress(r.Address, r.Name)).ToList());
}
