using System.Text;
using EsRegions.Web.Infrastructure.Tenancy;
using MimeKit;

namespace EsRegions.Web.Features.Notifications;

/// <summary>
/// Turns an outbox row into the MIME message sent: multipart/alternative (text, HTML and, for meetings, a
/// text/calendar part with its METHOD), plus an .ics file and any attachments.
/// </summary>
public static class MimeBuilder
{
    public static MimeMessage Build(OutboxMessage row, Tenant tenant)
    {
        var sender = tenant.Settings.Operator.Sender;
        var message = new MimeMessage
        {
            Subject = row.Subject,
            MessageId = row.MessageId(tenant.Slug),
            Date = row.CreatedAt,
        };
        message.From.Add(new MailboxAddress(sender.Name, sender.Email));
        message.To.Add(new MailboxAddress(row.ToName ?? "", row.ToAddress));

        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = row.TextBody },
            new TextPart("html") { Text = row.HtmlBody },
        };
        if (row.Calendar is not null)
        {
            var calendar = new TextPart("calendar") { Text = row.Calendar };
            calendar.ContentType.Charset = "utf-8";
            calendar.ContentType.Parameters.Add("method", CalendarMethod(row.Calendar));
            alternative.Add(calendar);
        }
        var attachments = row.Attachments.ToList();
        if (row.Calendar is not null)
            attachments.Insert(0, new OutboxAttachment("zaproszenie.ics", "application/ics", Encoding.UTF8.GetBytes(row.Calendar)));
        if (attachments.Count == 0)
        {
            message.Body = alternative;
            return message;
        }
        var mixed = new Multipart("mixed") { alternative };
        foreach (var a in attachments)
            mixed.Add(new MimePart(ContentType.Parse(a.ContentType))
            {
                Content = new MimeContent(new MemoryStream(a.Content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = a.FileName,
            });
        message.Body = mixed;
        return message;
    }

    /// <summary>The value of the calendar's METHOD line (REQUEST when there is none).</summary>
    internal static string CalendarMethod(string calendar)
    {
        var rest = calendar.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            if (line.StartsWith("METHOD:", StringComparison.OrdinalIgnoreCase)) return line[7..].Trim().ToString();
            rest = end < 0 ? [] : rest[(end + 1)..];
        }
        return "REQUEST";
    }
}
