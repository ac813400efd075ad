using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EsRegions.Web.Infrastructure.Tenancy;

/// <summary>Reads and checks one tenant.json; every problem goes to the checker with its JSON path.</summary>
internal static partial class TenantSettingsReader
{
    public static TenantSettings? Read(JsonChecker check, JsonNode root)
    {
        var obj = check.AsObject(root, "$", "operator", "committee", "planLevels", "reminders", "timeZone", "locale", "retention");
        if (obj is null) return null;
        var op = ReadOperator(check, obj);
        var committee = ReadCommittee(check, obj);
        var levels = ReadLevels(check, obj);
        var reminders = ReadReminders(check, obj);
        var timeZone = check.String(obj, "$", "timeZone");
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            check.Fail("$.timeZone", $"'{timeZone}' is not a known time zone");
        var locale = check.String(obj, "$", "locale", pattern: LocalePattern(), patternHint: "a locale such as pl-PL");
        var retention = ReadRetention(check, obj);
        if (op is null || committee is null || levels is null || reminders is null || timeZone is null || locale is null) return null;
        return new TenantSettings(op, committee, levels, reminders, timeZone, locale, retention);
    }

    private static OperatorInfo? ReadOperator(JsonChecker check, JsonObject root)
    {
        const string p = "$.operator";
        var o = check.Object(root, "$", "operator", allowed: ["name", "shortName", "address", "email", "phone", "website", "sender", "signature"]);
        if (o is null) return null;
        var name = check.String(o, p, "name");
        var shortName = check.String(o, p, "shortName");
        var a = check.Object(o, p, "address", allowed: ["street", "postalCode", "city"]);
        var street = check.String(a, p + ".address", "street");
        var postalCode = check.String(a, p + ".address", "postalCode", pattern: PostalCodePattern(), patternHint: "a Polish postal code (00-000)");
        var city = check.String(a, p + ".address", "city");
        var email = check.Email(o, p, "email");
        var phone = check.String(o, p, "phone", required: false);
        var website = check.String(o, p, "website", required: false, pattern: UrlPattern(), patternHint: "an https:// address");
        var s = check.Object(o, p, "sender", allowed: ["name", "email"]);
        var senderName = check.String(s, p + ".sender", "name");
        var senderEmail = check.Email(s, p + ".sender", "email");
        var signature = check.String(o, p, "signature");
        if (name is null || shortName is null || street is null || postalCode is null || city is null || email is null
            || senderName is null || senderEmail is null || signature is null) return null;
        return new OperatorInfo(name, shortName, new PostalAddress(street, postalCode, city), email, phone, website,
            new EmailSender(senderName, senderEmail), signature);
    }

    private static CommitteeInfo? ReadCommittee(JsonChecker check, JsonObject root)
    {
        var c = check.Object(root, "$", "committee", allowed: ["name", "shortName", "kind"]);
        if (c is null) return null;
        var name = check.String(c, "$.committee", "name");
        var shortName = check.String(c, "$.committee", "shortName");
        var kind = check.String(c, "$.committee", "kind", pattern: CommitteeKindPattern(), patternHint: "'committee' or 'expertTeam'");
        return name is null || shortName is null || kind is null ? null : new CommitteeInfo(name, shortName, kind);
    }

    private static List<PlanLevelLabel>? ReadLevels(JsonChecker check, JsonObject root)
    {
        var arr = check.Array(root, "$", "planLevels", minItems: 2);
        if (arr is null) return null;
        var levels = new List<PlanLevelLabel>();
        for (var i = 0; i < arr.Count; i++)
        {
            var path = $"$.planLevels[{i}]";
            var l = check.AsObject(arr[i], path, "key", "label", "labelEn");
            var key = check.String(l, path, "key", pattern: KeyPattern(), patternHint: "a camelCase key");
            var label = check.String(l, path, "label");
            var labelEn = check.String(l, path, "labelEn");
            if (key is not null && label is not null && labelEn is not null) levels.Add(new PlanLevelLabel(key, label, labelEn));
        }
        foreach (var dup in levels.GroupBy(l => l.Key).Where(g => g.Count() > 1))
            check.Fail("$.planLevels", $"key '{dup.Key}' appears more than once");
        return levels.Count == arr.Count ? levels : null;
    }

    private static ReminderPolicy? ReadReminders(JsonChecker check, JsonObject root)
    {
        var r = check.Object(root, "$", "reminders", allowed: ["moveDeadlineToNextWorkingDay", "kinds"]);
        if (r is null) return null;
        var move = check.Boolean(r, "$.reminders", "moveDeadlineToNextWorkingDay");
        var kinds = check.Object(r, "$.reminders", "kinds");
        var rules = new Dictionary<string, ReminderRule>();
        foreach (var (kind, node) in kinds ?? [])
        {
            var path = $"$.reminders.kinds.{kind}";
            if (!ReminderPolicy.KnownKinds.Contains(kind))
            {
                check.Fail(path, $"unknown reminder kind (known: {string.Join(", ", ReminderPolicy.KnownKinds)})");
                continue;
            }
            var rule = check.AsObject(node, path, "daysBefore", "daysAfter");
            rules[kind] = new ReminderRule(check.IntArray(rule, path, "daysBefore", 0, 365), check.IntArray(rule, path, "daysAfter", 0, 365));
        }
        return move is null || kinds is null ? null : new ReminderPolicy(move.Value, rules);
    }

    /// <summary>The optional "retention" section: each period optional, a whole number within sensible bounds.</summary>
    private static RetentionPolicy? ReadRetention(JsonChecker check, JsonObject root)
    {
        var r = check.Object(root, "$", "retention", required: false,
            allowed: ["sentEmailsDays", "consultationParticipantsMonths", "meetingInvitationsMonths", "erasureAuditYears"]);
        if (r is null) return null;
        return new RetentionPolicy(
            check.Int(r, "$.retention", "sentEmailsDays", 1, 3650),
            check.Int(r, "$.retention", "consultationParticipantsMonths", 1, 240),
            check.Int(r, "$.retention", "meetingInvitationsMonths", 1, 240),
            check.Int(r, "$.retention", "erasureAuditYears", 1, 50));
    }

    [GeneratedRegex("^[a-z]{2}-[A-Z]{2}$")] private static partial Regex LocalePattern();
    [GeneratedRegex("^[0-9]{2}-[0-9]{3}$")] private static partial Regex PostalCodePattern();
    [GeneratedRegex("^https://[^\\s]+$")] private static partial Regex UrlPattern();
    [GeneratedRegex("^(committee|expertTeam)$")] private static partial Regex CommitteeKindPattern();
    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")] private static partial Regex KeyPattern();
}
