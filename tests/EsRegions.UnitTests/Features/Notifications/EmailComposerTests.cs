using System.Globalization;
using EsRegions.Web.Features.Notifications;
using EsRegions.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;

namespace EsRegions.UnitTests.Features.Notifications;

public sealed class EmailComposerTests
{
    private static EmailComposer Composer(string slug)
    {
        var context = new TenantContext();
        context.Set(TenantRegistryLoader.Load(Path.Combine(AppContext.BaseDirectory, "tenants")).FindBySlug(slug)!);
        return new EmailComposer(context, Options.Create(new AppOptions { PublicUrl = "https://esregions.example.pl/" }));
    }

    [Fact]
    public void Polish_email_has_greeting_absolute_link_signature_and_operator_footer()
    {
        var content = Composer("lubelskie").Compose(new EmailBody("Temat", ["Akapit."], new EmailAction("Otwórz", "/konsultacje/7")));

        Assert.StartsWith("Dzień dobry,", content.Text);
        Assert.Contains("Otwórz: https://esregions.example.pl/lubelskie/konsultacje/7", content.Text);
        Assert.Contains("href=\"https://esregions.example.pl/lubelskie/konsultacje/7\"", content.Html);
        Assert.Contains("ul. Diamentowa 2, 20-447 Lublin", content.Text);
        Assert.Contains("<html lang=\"pl\">", content.Html);
    }

    [Fact]
    public void Html_body_encodes_what_modules_pass_in()
    {
        var content = Composer("mazowsze").Compose(new EmailBody("<b>x</b>", ["<script>alert(1)</script> & „cudzysłów”"]));

        Assert.DoesNotContain("<script>", content.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;", content.Html);
    }

    [Fact]
    public void English_email_speaks_english()
    {
        var content = Composer("malopolska").Compose(new EmailBody("Subject", ["Paragraph."]), CultureInfo.GetCultureInfo("en-GB"));

        Assert.StartsWith("Hello,", content.Text);
        Assert.Contains("This message was sent automatically by Regionalny Ośrodek Polityki Społecznej w Krakowie", content.Text);
        Assert.Contains("<html lang=\"en\">", content.Html);
    }
}
