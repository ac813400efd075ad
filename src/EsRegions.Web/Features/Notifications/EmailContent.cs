namespace EsRegions.Web.Features.Notifications;

public sealed record EmailAddress(string Address, string? Name = null);

/// <summary>A rendered e-mail: subject, plain text and HTML bodies, optionally an iCalendar part and attachments.</summary>
public sealed record EmailContent(string Subject, string Text, string Html)
{
    public string? Calendar { get; init; }
    public IReadOnlyList<OutboxAttachment> Attachments { get; init; } = [];
}
