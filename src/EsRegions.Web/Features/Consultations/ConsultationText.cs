using EsRegions.Web.Infrastructure.Web;

namespace EsRegions.Web.Features.Consultations;

/// <summary>Names of phases and decisions for the API (camelCase keys) and the pages (Polish).</summary>
public static class ConsultationText
{
    public static string PhaseKey(ConsultationPhase p) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.ToString());

    public static string Phase(ConsultationPhase p) => p switch
    {
        ConsultationPhase.Draft => "w przygotowaniu",
        ConsultationPhase.Open => "otwarte",
        ConsultationPhase.Closed => "zamknięte",
        _ => "raport opublikowany",
    };

    public static string DecisionKey(CommentDecision d) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(d.ToString());

    public static CommentDecision? ParseDecision(string? key) => key switch
    {
        "accepted" => CommentDecision.Accepted,
        "partlyAccepted" => CommentDecision.PartlyAccepted,
        "rejected" => CommentDecision.Rejected,
        _ => null,
    };

    public static string Decision(CommentDecision d) => d switch
    {
        CommentDecision.Accepted => "uwzględniona",
        CommentDecision.PartlyAccepted => "częściowo uwzględniona",
        _ => "nieuwzględniona",
    };

    /// <summary>A date in an e-mail: Polish whoever sends it.</summary>
    public static string Date(DateOnly d) => UiFormat.Date(d, UiFormat.Polish);
}
