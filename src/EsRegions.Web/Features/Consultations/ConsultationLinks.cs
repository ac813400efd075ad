namespace EsRegions.Web.Features.Consultations;

// PROVISIONAL until the shared Infrastructure/Links lands on main (see COMMON.md): replaced by the EmailLinks adapter.
public sealed class ConsultationLinks
{
    public Task<string> IssueAsync(Consultation consultation, ConsultationParticipant participant, CancellationToken ct) =>
        throw new InvalidOperationException("E-mail links are not merged yet.");

    public Task RevokeAsync(ConsultationParticipant participant, CancellationToken ct) => Task.CompletedTask;
}
