using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Triggers that tell every app instance (ChangeFeed, channel esregions_changes) when data behind an in-memory cache
    /// changes: published values, the indicator catalogue and populations ("comparison"), and a plan's monitoring values
    /// and tracks ("plan-status:{plan id}"). Statement-level, so a statement of many rows sends one notification per
    /// plan; PostgreSQL delivers them at commit and drops duplicates within a transaction.
    /// </summary>
    public partial class ChangeNotifications : Migration
    {
        private static readonly string[] ComparisonSources = ["published_indicator_values", "indicator_catalogue", "region_populations"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_comparison_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('esregions_changes', 'comparison');
                    RETURN NULL;
                END $$;

                CREATE FUNCTION notify_plan_status_from_tracks() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        PERFORM pg_notify('esregions_changes', 'plan-status:' || p.plan_id) FROM (SELECT DISTINCT plan_id FROM new_rows) p;
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        PERFORM pg_notify('esregions_changes', 'plan-status:' || p.plan_id) FROM (SELECT DISTINCT plan_id FROM old_rows) p;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION notify_plan_status_from_values() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        PERFORM pg_notify('esregions_changes', 'plan-status:' || p.plan_id)
                        FROM (SELECT DISTINCT t.plan_id FROM monitoring_indicator_tracks t WHERE t.id IN (SELECT track_id FROM new_rows)) p;
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        PERFORM pg_notify('esregions_changes', 'plan-status:' || p.plan_id)
                        FROM (SELECT DISTINCT t.plan_id FROM monitoring_indicator_tracks t WHERE t.id IN (SELECT track_id FROM old_rows)) p;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in ComparisonSources)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_comparison_change();
                    """);
            foreach (var (table, function) in PlanStatusSources)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_notify_insert AFTER INSERT ON {table}
                        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    CREATE TRIGGER {table}_notify_update AFTER UPDATE ON {table}
                        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    CREATE TRIGGER {table}_notify_delete AFTER DELETE ON {table}
                        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    """);
        }

        private static readonly (string Table, string Function)[] PlanStatusSources =
        [
            ("monitoring_indicator_tracks", "notify_plan_status_from_tracks"),
            ("monitoring_indicator_values", "notify_plan_status_from_values"),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in ComparisonSources) migrationBuilder.Sql($"DROP TRIGGER {table}_notify ON {table};");
            foreach (var (table, _) in PlanStatusSources)
                migrationBuilder.Sql($"""
                    DROP TRIGGER {table}_notify_insert ON {table};
                    DROP TRIGGER {table}_notify_update ON {table};
                    DROP TRIGGER {table}_notify_delete ON {table};
                    """);
            migrationBuilder.Sql("""
                DROP FUNCTION notify_comparison_change();
                DROP FUNCTION notify_plan_status_from_tracks();
                DROP FUNCTION notify_plan_status_from_values();
                """);
        }
    }
}
