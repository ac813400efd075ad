using EsRegions.Web.Features.Committees;
using EsRegions.Web.Features.Committees.Calls;
using EsRegions.Web.Features.Meetings;
using EsRegions.Web.Infrastructure.Tenancy;

namespace EsRegions.UnitTests.Features.Committees;

/// <summary>
/// A broken committees.json, calls.json or calendar file is refused with every problem named by file and JSON path
/// (tenants/COMMITTEES-FORMAT.md, tenants/CALENDAR-FORMAT.md); the shipped files read without a problem.
/// </summary>
public sealed class TenantFileErrorTests
{
    private static string Tenants()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "tenants", "tenants.json"))) return Path.Combine(dir.FullName, "tenants");
        throw new InvalidOperationException("tenants/ not found");
    }

    private static IReadOnlyList<string> Errors(Action read) => Assert.Throws<TenantConfigurationException>(read).Errors;

    [Fact]
    public void Broken_committees_file_names_the_file_and_the_json_path_of_each_problem()
    {
        const string file = "tenants/mazowsze/committees.json";
        var json = """
            { "committees": [
              { "key": "mkres", "name": "MKRES", "kind": "committee" },
              { "key": "Zespół", "name": "", "kind": "team", "parent": "nieznany", "mandat": "x",
                "members": [ { "name": "Jan", "institution": "OWES", "seat": "owes", "termFrom": "01.01.2024", "termTo": "2023-01-01" } ],
                "resolutions": [ { "number": 0, "date": "2024-03-07", "title": "Uchwała" } ] },
              { "key": "mkres", "name": "Drugi", "kind": "committee" }
            ] }
            """;

        var errors = Errors(() => CommitteeFileLoader.Read(json, file));

        foreach (var path in new[] { "$.committees[1].key", "$.committees[1].name", "$.committees[1].kind", "$.committees[1].mandat",
                     "$.committees[1].members[0].seat", "$.committees[1].members[0].termFrom", "$.committees[1].resolutions[0].number",
                     "$.committees[2].key" })
            Assert.Contains(errors, e => e.StartsWith($"{file}: {path}:"));
        Assert.All(errors, e => Assert.StartsWith(file + ": $", e));
    }

    [Fact]
    public void Committee_whose_parent_comes_later_is_refused_at_the_parent_path()
    {
        var json = """{ "committees": [ { "key": "grupa", "name": "Grupa", "kind": "workingGroup", "parent": "mkres" }, { "key": "mkres", "name": "MKRES", "kind": "committee" } ] }""";

        var error = Assert.Single(Errors(() => CommitteeFileLoader.Read(json, "tenants/x/committees.json")));

        Assert.StartsWith("tenants/x/committees.json: $.committees[0].parent: 'mkres' is not the key of a committee listed before", error);
    }

    [Fact]
    public void Broken_calls_file_names_the_file_and_the_json_path_of_each_problem()
    {
        const string file = "tenants/mazowsze/calls.json";
        var json = """
            { "calls": [ { "key": "nabor-2019", "committee": "zespol", "title": "Zaproszenie", "text": "Szanowni Państwo!",
                           "applicationDeadline": "06.06.2019", "confirmationBy": "2019-13-11", "status": "zamkniety", "seats": ["pes"], "termin": "x" } ] }
            """;

        var errors = Errors(() => CallFileLoader.Read(json, file));

        foreach (var path in new[] { "$.calls[0].applicationDeadline", "$.calls[0].confirmationBy", "$.calls[0].status", "$.calls[0].seats[0]", "$.calls[0].termin" })
            Assert.Contains(errors, e => e.StartsWith($"{file}: {path}:"));
    }

    [Fact]
    public void Confirmation_before_the_deadline_and_invalid_json_are_refused_with_the_file_named()
    {
        var early = """{ "calls": [ { "key": "n", "committee": "z", "title": "T", "text": "X", "applicationDeadline": "2019-06-06", "confirmationBy": "2019-06-01", "status": "closed" } ] }""";

        Assert.StartsWith("tenants/x/calls.json: $.calls[0].confirmationBy: must not be before applicationDeadline",
            Assert.Single(Errors(() => CallFileLoader.Read(early, "tenants/x/calls.json"))));
        Assert.StartsWith("tenants/x/calls.json: not valid JSON", Assert.Single(Errors(() => CallFileLoader.Read("{ \"calls\": [", "tenants/x/calls.json"))));
    }

    [Fact]
    public void Broken_calendar_file_names_the_file_and_the_json_path_of_each_problem()
    {
        const string file = "tenants/warmia-mazury/calendar/2022.json";
        var json = """
            { "title": "Harmonogram", "year": 1999, "entries": [] }
            """;
        var entries = """
            { "title": "Harmonogram", "year": 2022, "entries": [
              { "key": "2022-02-6", "month": "Luty", "date": "Połowa lutgo", "title": "Wszczęcie postępowania", "kind": "task" },
              { "key": "2022-02-7", "month": "Luty", "date": "18 marca", "title": "Posiedzenie", "kind": "meting", "miejsce": "Olsztyn" },
              { "key": "2022-02-7", "month": "Lutty", "date": "Luty", "title": "", "kind": "task" }
            ] }
            """;

        var header = Errors(() => CalendarFileLoader.Read(json, file));
        var errors = Errors(() => CalendarFileLoader.Read(entries, file));

        Assert.Contains(header, e => e.StartsWith($"{file}: $.year:"));
        Assert.Contains(header, e => e.StartsWith($"{file}: $.entries:"));
        foreach (var path in new[] { "$.entries[0].date", "$.entries[1].date", "$.entries[1].kind", "$.entries[1].miejsce", "$.entries[2].month", "$.entries[2].title" })
            Assert.Contains(errors, e => e.StartsWith($"{file}: {path}:"));
        Assert.Contains(errors, e => e.StartsWith($"{file}: $.entries[1].date: '18 marca' does not fall in Luty"));
    }

    [Fact]
    public void Every_shipped_committees_calls_and_calendar_file_reads_without_a_problem()
    {
        var root = Tenants();
        var committees = Directory.GetFiles(root, CommitteeFileLoader.FileName, SearchOption.AllDirectories);
        var calls = Directory.GetFiles(root, CallFileLoader.FileName, SearchOption.AllDirectories);
        var calendars = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == CalendarFileLoader.Folder).ToList();

        Assert.Equal(4, committees.Length);
        Assert.Equal(("zespol-opracowania-planu", CallStatus.Closed), CallFileLoader.Read(File.ReadAllText(Assert.Single(calls)), "calls.json")
            .Select(c => (c.Committee, c.Status)).Single());
        Assert.NotEmpty(calendars);
        foreach (var f in committees) Assert.NotEmpty(CommitteeFileLoader.Read(File.ReadAllText(f), f));
        foreach (var f in calendars) Assert.NotEmpty(CalendarFileLoader.Read(File.ReadAllText(f), f));
    }
}
