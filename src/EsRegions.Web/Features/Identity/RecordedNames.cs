using EsRegions.Web.Infrastructure.Data;
using EsRegions.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EsRegions.Web.Features.Identity;

/// <summary>
/// Every form in which a record's "who" column (approved by, held by, …: the display name, else the user name or the
/// e-mail address of the signed-in account) may name a person: their account's display name, e-mail, user name and
/// id, and the given e-mail address. For RODO export and erasure; never the erased label itself.
/// </summary>
public static class RecordedNames
{
    public static async Task<List<string>> OfAsync(EsRegionsDbContext db, PersonRef person, CancellationToken ct)
    {
        var names = new HashSet<string> { person.Email.Trim() };
        var user = await db.Set<AppUser>().FirstOrDefaultAsync(u => u.NormalizedEmail == person.NormalizedEmail, ct);
        if (user is not null)
            foreach (var n in new[] { user.DisplayName, user.Email, user.UserName, user.Id.ToString() })
                if (!string.IsNullOrWhiteSpace(n)) names.Add(n);
        names.Remove(PersonRef.ErasedLabel);
        return names.ToList();
    }
}
