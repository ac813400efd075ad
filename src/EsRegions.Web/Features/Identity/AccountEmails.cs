using EsRegions.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;

namespace EsRegions.Web.Features.Identity;

/// <summary>Account e-mails (password reset, invitation), written to the region's outbox with the caller's change.</summary>
public sealed class AccountEmails(UserManager<AppUser> users, Outbox outbox, EmailComposer composer, TimeProvider clock)
{
    public async Task SendPasswordResetAsync(AppUser user, CancellationToken ct)
    {
        var link = await SetPasswordPathAsync(user);
        await outbox.EnqueueAsync($"password-reset:{user.Id:N}:{clock.GetUtcNow().ToUnixTimeMilliseconds()}", new EmailAddress(user.Email!, user.DisplayName),
            composer.Compose(new EmailBody("Ustawienie nowego hasła",
                ["Otrzymaliśmy prośbę o ustawienie nowego hasła do Twojego konta. Jeśli to nie Ty, zignoruj tę wiadomość.",
                 "Link jest ważny przez 24 godziny i działa jeden raz."],
                new EmailAction("Ustaw nowe hasło", link))), ct);
    }

    /// <summary>An invitation: the person sets a password through the link (or, with an account already, just signs in).</summary>
    public async Task SendInvitationAsync(AppUser user, string regionName, IReadOnlyList<string> roleNames, CancellationToken ct)
    {
        var hasPassword = await users.HasPasswordAsync(user);
        var action = hasPassword
            ? new EmailAction("Zaloguj się", "konto/logowanie")
            : new EmailAction("Ustaw hasło i zaloguj się", await SetPasswordPathAsync(user));
        await outbox.EnqueueAsync($"invitation:{user.Id:N}:{clock.GetUtcNow().ToUnixTimeMilliseconds()}", new EmailAddress(user.Email!, user.DisplayName),
            composer.Compose(new EmailBody($"Zaproszenie do EsRegions — {regionName}",
                [$"Zapraszamy do korzystania z EsRegions w regionie: {regionName}. Twoje role: {string.Join(", ", roleNames)}.",
                 hasPassword ? "Zaloguj się swoim dotychczasowym hasłem." : "Aby zacząć, ustaw swoje hasło (link jest ważny przez 24 godziny)."],
                action)), ct);
    }

    private async Task<string> SetPasswordPathAsync(AppUser user)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        return $"konto/nowe-haslo?uid={user.Id}&token={token}";
    }
}
