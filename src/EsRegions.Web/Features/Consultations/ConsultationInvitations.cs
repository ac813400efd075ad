using EsRegions.Web.Features.Notifications;

namespace EsRegions.Web.Features.Consultations;

/// <summary>
/// E-mails to participants, each queued through the outbox in the caller's SaveChanges: the invitation with a personal
/// reply link, and the note that the report is published.
/// </summary>
public sealed class ConsultationInvitations(ConsultationLinks links, Outbox outbox, EmailComposer composer, TimeProvider clock)
{
    public async Task<bool> InviteAsync(Consultation consultation, ConsultationParticipant participant, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var path = await links.IssueAsync(consultation, participant, ct);
        var close = ConsultationText.Date(consultation.Schedule.EffectiveClosesOn);
        var body = new EmailBody($"Zaproszenie do konsultacji: {consultation.Title}",
        [
            $"Zapraszamy do zgłaszania uwag do projektu „{consultation.Title}”.",
            $"Uwagi można zgłaszać do {close} do całego dokumentu lub do poszczególnych jego elementów, za pomocą osobistego linku poniżej. "
                + "Do zamknięcia konsultacji uwagi można poprawiać lub wycofać.",
            "Link jest przeznaczony tylko dla Pani/Pana — prosimy go nie przekazywać innym osobom.",
        ], new EmailAction("Zgłoś uwagi", path));
        participant.MarkInvited(now);
        return await outbox.EnqueueAsync($"{KeyPrefix(consultation.Id)}{participant.Id:N}:{now.UtcTicks}",
            new EmailAddress(participant.Email, participant.Name), composer.Compose(body), ct);
    }

    /// <summary>The outbox key prefix of every invitation of the consultation (the progress page counts by it).</summary>
    public static string KeyPrefix(Guid consultationId) => $"consultation:{consultationId:N}:invitation:";

    public Task<bool> ReportPublishedAsync(Consultation consultation, ConsultationParticipant participant, CancellationToken ct)
    {
        var body = new EmailBody($"Raport z konsultacji: {consultation.Title}",
        [
            $"Dziękujemy za udział w konsultacjach projektu „{consultation.Title}”.",
            "Opublikowaliśmy raport z konsultacji: zawiera wszystkie zgłoszone uwagi wraz ze stanowiskiem do każdej z nich.",
        ], new EmailAction("Raport z konsultacji", ConsultationPaths.PublicReport(consultation.Id)));
        return outbox.EnqueueAsync($"consultation:{consultation.Id:N}:report:{participant.Id:N}",
            new EmailAddress(participant.Email, participant.Name), composer.Compose(body), ct);
    }
}

/// <summary>Tenant-relative paths of the consultation pages (for e-mails and links between pages).</summary>
public static class ConsultationPaths
{
    public static string Staff(Guid id) => $"konsultacje/{id}";
    public static string PublicReport(Guid id) => $"konsultacje/{id}/raport-publiczny";
    public static string PublicForm(string key) => $"konsultacje/otwarte/{key}";
    public static string Comments(Guid id) => $"konsultacje/{id}/uwagi";
    public static string Sending(Guid id) => $"konsultacje/{id}/wysylka";
}
