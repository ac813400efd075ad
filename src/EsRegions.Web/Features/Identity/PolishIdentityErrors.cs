using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EsRegions.Web.Features.Identity;

/// <summary>Identity's messages in the UI's language (Polish first) instead of its built-in English.</summary>
public sealed class PolishIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["Hasło musi mieć co najmniej {0} znaków.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l["Hasło musi zawierać co najmniej {0} różnych znaków.", uniqueChars]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["Link wygasł albo został już użyty. Poproś o nowy."]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["Adres {0} ma już konto.", email]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["Adres {0} ma już konto.", userName]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["Adres {0} nie jest poprawnym adresem e-mail.", email ?? ""]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["Nieprawidłowe hasło."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
