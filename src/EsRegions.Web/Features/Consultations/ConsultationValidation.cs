using System.Text.Json;

namespace EsRegions.Web.Features.Consultations;

/// <summary>Field checks of the API's bodies (and the staff forms); each error is keyed by the field's path.</summary>
internal static class ConsultationValidation
{
    public const int MaxParticipants = 2000;

    public static Dictionary<string, string[]> Create(CreateConsultationRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Title)) errors["title"] = ["Podaj tytuł konsultacji."];
        else if (body.Title.Trim().Length > 500) errors["title"] = ["Tytuł może mieć najwyżej 500 znaków."];
        if (body.OpensOn is null) errors["opensOn"] = ["Podaj datę rozpoczęcia (RRRR-MM-DD)."];
        if (body.ClosesOn is null) errors["closesOn"] = ["Podaj datę zakończenia (RRRR-MM-DD)."];
        else if (body.OpensOn is { } o && body.ClosesOn < o) errors["closesOn"] = ["Data zakończenia jest wcześniejsza niż data rozpoczęcia."];
        var sections = body.Sections ?? [];
        if (body.PlanId is null && sections.Count == 0)
            errors["planId"] = ["Wskaż plan (planId) albo podaj materiał do konsultacji (sections)."];
        if (body.PlanId is not null && sections.Count > 0) errors["sections"] = ["Podaj plan albo materiał, nie oba."];
        for (var i = 0; i < sections.Count; i++)
            if (string.IsNullOrWhiteSpace(sections[i].Title)) errors[$"sections[{i}].title"] = ["Podaj tytuł części."];
        return errors;
    }

    public static Dictionary<string, string[]> Response(string? decision, string? justification)
    {
        var errors = new Dictionary<string, string[]>();
        if (ConsultationText.ParseDecision(decision) is null)
            errors["decision"] = ["Wybierz stanowisko: accepted (uwzględniona), partlyAccepted (częściowo uwzględniona) lub rejected (nieuwzględniona)."];
        if (string.IsNullOrWhiteSpace(justification)) errors["justification"] = ["Podaj uzasadnienie stanowiska."];
        else if (justification.Length > ConsultationComment.MaxLength) errors["justification"] = ["Uzasadnienie jest za długie."];
        return errors;
    }

    /// <summary>
    /// The participants of a request: a JSON body with a list (API.md) or with the id of a committee / working group
    /// (committeeId: its sitting members), or a text/csv body read by the CSV source.
    /// </summary>
    public static async Task<(ParticipantRead Read, string Source, Dictionary<string, string[]> Errors)> ParticipantsAsync(
        HttpRequest request, ConsultationParticipants participants, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(request.Body);
            var read = await participants.Source("csv")!.ReadAsync(await reader.ReadToEndAsync(ct), ct);
            if (!read.Ok) errors["csv"] = [.. read.ErrorLines()];
            return (read, "csv", errors);
        }
        AddParticipantsRequest? body = null;
        try { body = await request.ReadFromJsonAsync<AddParticipantsRequest>(ct); }
        catch (JsonException) { }
        var list = body?.Participants;
        if (body?.CommitteeId is { } committeeId)
        {
            if (list is { Count: > 0 }) { errors["committeeId"] = ["Podaj listę uczestników albo committeeId, nie oba."]; return (Empty, "list", errors); }
            var read = await participants.Source(CommitteeParticipantSource.SourceKey)!.ReadAsync(committeeId.ToString(), ct);
            if (!read.Ok) errors["committeeId"] = [.. read.ErrorLines()];
            return (read, CommitteeParticipantSource.SourceKey, errors);
        }
        if (list is null || list.Count == 0) { errors["participants"] = ["Podaj co najmniej jednego uczestnika (participants) albo komitet (committeeId)."]; return (Empty, "list", errors); }
        if (list.Count > MaxParticipants) { errors["participants"] = [$"Najwyżej {MaxParticipants} uczestników naraz."]; return (Empty, "list", errors); }
        var candidates = new List<ParticipantCandidate>();
        for (var i = 0; i < list.Count; i++)
        {
            var c = new ParticipantCandidate(list[i].Name ?? "", list[i].Email ?? "", list[i].Organisation);
            var problems = ParticipantRules.Problems(c).Select(p => p.Message).ToList();
            if (problems.Count > 0) errors[$"participants[{i}]"] = [.. problems];
            else candidates.Add(c);
        }
        return (new ParticipantRead(candidates, []), "list", errors);
    }

    private static readonly ParticipantRead Empty = new([], []);
}
