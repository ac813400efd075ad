using System.Globalization;
using System.Net;
using System.Text;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;

namespace EsRegions.Web.Features.Notifications;

public sealed class AppOptions
{
    /// <summary>The address people use to reach the app; every link in an e-mail is absolute to it.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
}

/// <summary>What a module wants to say; the composer adds greeting, signature, footer and both renderings.</summary>
public sealed record EmailBody(string Subject, IReadOnlyList<string> Paragraphs, EmailAction? Action = null);

/// <summary>A call to action: a tenant-relative path ("konsultacje/…") that becomes an absolute link.</summary>
public sealed record EmailAction(string Label, string Path);

/// <summary>Renders e-mails in the tenant's voice: its operator, sender signature and address, Polish or English.</summary>
public sealed class EmailComposer(TenantContext tenantContext, IOptions<AppOptions> app)
{
    public string TenantUrl(string path) =>
        $"{app.Value.PublicUrl.TrimEnd('/')}/{tenantContext.Required.Slug}/{path.TrimStart('/')}";

    public EmailContent Compose(EmailBody body, CultureInfo? culture = null)
    {
        var english = (culture ?? CultureInfo.GetCultureInfo(tenantContext.Required.Settings.Locale)).TwoLetterISOLanguageName == "en";
        var op = tenantContext.Required.Settings.Operator;
        var greeting = english ? "Hello," : "Dzień dobry,";
        var footer = english
            ? $"This message was sent automatically by {op.Name}, {op.Address.Street}, {op.Address.PostalCode} {op.Address.City}."
            : $"Wiadomość wysłana automatycznie przez {op.Name}, {op.Address.Street}, {op.Address.PostalCode} {op.Address.City}.";
        (string Label, string Url)? link = body.Action is null ? null : (body.Action.Label, TenantUrl(body.Action.Path));

        var text = new StringBuilder().AppendLine(greeting).AppendLine();
        foreach (var p in body.Paragraphs) text.AppendLine(p).AppendLine();
        if (link is not null) text.AppendLine($"{link.Value.Label}: {link.Value.Url}").AppendLine();
        text.AppendLine("--").AppendLine(op.Signature).AppendLine().Append(footer);

        var html = new StringBuilder()
            .Append($"<!DOCTYPE html><html lang=\"{(english ? "en" : "pl")}\"><head><meta charset=\"utf-8\"><title>{E(body.Subject)}</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#212529\">")
            .Append($"<p>{E(greeting)}</p>");
        foreach (var p in body.Paragraphs) html.Append($"<p>{E(p)}</p>");
        if (link is not null)
            html.Append($"<p><a href=\"{E(link.Value.Url)}\" style=\"color:#0b5394;font-weight:bold\">{E(link.Value.Label)}</a></p>");
        html.Append($"<p>—<br>{E(op.Signature).Replace("\n", "<br>")}</p>")
            .Append($"<p style=\"font-size:13px;color:#495057\">{E(footer)}</p></body></html>");
        return new EmailContent(body.Subject, text.ToString(), html.ToString());
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
