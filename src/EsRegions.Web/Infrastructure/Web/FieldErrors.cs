using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EsRegions.Web.Infrastructure.Web;

/// <summary>Refusals keyed by an API body's field ("from", "phaseId") shown next to a form's field ("Form.From", "NewTask.PhaseId").</summary>
public static class FieldErrors
{
    public static void AddFieldErrors(this ModelStateDictionary state, string form, IEnumerable<KeyValuePair<string, string[]>> errors)
    {
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                state.AddModelError($"{form}.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
    }
}
