namespace EsRegions.Web.Features.Committees.Calls;

/// <summary>Polish names of call and application states (resource keys; English in SharedResource.en.resx).</summary>
public static class CallText
{
    public static string Status(CallStatus status) => status switch
    {
        CallStatus.Draft => "szkic",
        CallStatus.Open => "otwarty",
        CallStatus.Closed => "zamknięty",
        _ => "rozstrzygnięty",
    };

    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "czeka na decyzję",
        ApplicationStatus.Accepted => "przyjęte",
        _ => "odrzucone",
    };
}
