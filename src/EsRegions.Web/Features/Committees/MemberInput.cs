using System.ComponentModel.DataAnnotations;

namespace EsRegions.Web.Features.Committees;

/// <summary>A member's seat as the secretariat enters it: when added to a committee and when changed later.</summary>
public sealed class MemberInput
{
    [Required(ErrorMessage = "Podaj imię i nazwisko.")] [StringLength(200)] [Display(Name = "Imię i nazwisko")]
    public string FullName { get; set; } = "";
    [EmailAddress(ErrorMessage = "To nie jest adres e-mail.")] [Display(Name = "E-mail")]
    public string? Email { get; set; }
    [Required(ErrorMessage = "Podaj instytucję.")] [StringLength(400)] [Display(Name = "Instytucja")]
    public string Institution { get; set; } = "";
    [Display(Name = "Miejsce (sektor)")] public SeatCategory Seat { get; set; } = SeatCategory.SocialEconomyEntity;
    [Display(Name = "Funkcja")] public MemberRole Role { get; set; } = MemberRole.Member;
    [Required(ErrorMessage = "Podaj początek kadencji.")] [Display(Name = "Początek kadencji")]
    public DateOnly? TermFrom { get; set; }
    [Display(Name = "Koniec kadencji (domyślnie po 3 latach)")] public DateOnly? TermTo { get; set; }

    /// <summary>The form filled with a stored seat.</summary>
    public static MemberInput From(CommitteeMember m) => new()
    {
        FullName = m.FullName, Email = m.Email, Institution = m.Institution, Seat = m.Seat, Role = m.Role, TermFrom = m.TermFrom, TermTo = m.TermTo,
    };

    /// <summary>
    /// The end of the term as entered, or the committee's default after <see cref="CommitteeMember.TermYears"/> years.
    /// A method, not a property: model validation reads every property of a bound model, before TermFrom is checked.
    /// </summary>
    public DateOnly TermToOrDefault() => TermTo ?? TermFrom!.Value.AddYears(CommitteeMember.TermYears).AddDays(-1);
}
