namespace EsRegions.Web.Features.Committees;

/// <summary>Polish names of committee kinds, seats and roles (resource keys; English in SharedResource.en.resx).</summary>
public static class CommitteeText
{
    public static string Kind(CommitteeKind kind) => kind switch
    {
        CommitteeKind.Committee => "komitet główny",
        CommitteeKind.ExpertTeam => "zespół ekspertów",
        CommitteeKind.WorkingGroup => "zespół / grupa robocza",
        CommitteeKind.Council => "rada",
        CommitteeKind.Jury => "kapituła",
        _ => kind.ToString(),
    };

    public static string Seat(SeatCategory seat) => seat switch
    {
        SeatCategory.RegionalBoard => "Marszałek / Zarząd Województwa",
        SeatCategory.Voivode => "Wojewoda",
        SeatCategory.LocalGovernment => "JST",
        SeatCategory.SocialEconomyEntity => "PES",
        SeatCategory.PublicBenefitCouncil => "Wojewódzka rada działalności pożytku publicznego",
        SeatCategory.CooperativeUnion => "Związki spółdzielcze",
        SeatCategory.ResearchInstitute => "Instytuty badawcze",
        SeatCategory.University => "Uczelnie",
        SeatCategory.TradeUnion => "Związki zawodowe",
        SeatCategory.EmployersOrganisation => "Organizacje pracodawców",
        SeatCategory.SupportCentre => "OWES",
        SeatCategory.SocialAssistanceUnit => "JOPS (OPS, PCPR)",
        SeatCategory.LabourMarketInstitution => "IRP (PUP, WUP)",
        _ => "Inne",
    };

    public static string Role(MemberRole role) => role switch
    {
        MemberRole.Chair => "przewodniczący",
        MemberRole.DeputyChair => "zastępca przewodniczącego",
        MemberRole.Secretary => "sekretarz",
        MemberRole.Member => "członek",
        _ => "zastępca członka",
    };
}
