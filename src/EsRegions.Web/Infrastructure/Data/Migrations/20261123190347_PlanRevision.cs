using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "revision",
                table: "plans",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Any change of a plan's row bumps its revision (unless the statement set it itself).
            migrationBuilder.Sql("""
                CREATE FUNCTION plan_revision_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.revision = OLD.revision THEN NEW.revision := OLD.revision + 1; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER plans_revision BEFORE UPDATE ON plans FOR EACH ROW EXECUTE FUNCTION plan_revision_on_update();
                """);

            // A change of its nodes, actions or indicators bumps the plan's revision once per statement and plan, so
            // importing 2,000 actions is one update of the plan row, not 2,000 (statement triggers, transition tables).
            migrationBuilder.Sql("""
                CREATE FUNCTION plan_revision_from_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        UPDATE plans SET revision = revision + 1 WHERE id IN (SELECT plan_id FROM new_rows);
                    ELSIF TG_OP = 'DELETE' THEN
                        UPDATE plans SET revision = revision + 1 WHERE id IN (SELECT plan_id FROM old_rows);
                    ELSE
                        UPDATE plans SET revision = revision + 1
                        WHERE id IN (SELECT plan_id FROM new_rows UNION SELECT plan_id FROM old_rows);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION plan_revision_from_indicators() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        UPDATE plans SET revision = revision + 1 WHERE id IN
                            (SELECT a.plan_id FROM plan_actions a WHERE a.id IN (SELECT action_id FROM new_rows));
                    ELSIF TG_OP = 'DELETE' THEN
                        UPDATE plans SET revision = revision + 1 WHERE id IN
                            (SELECT a.plan_id FROM plan_actions a WHERE a.id IN (SELECT action_id FROM old_rows));
                    ELSE
                        UPDATE plans SET revision = revision + 1 WHERE id IN
                            (SELECT a.plan_id FROM plan_actions a
                             WHERE a.id IN (SELECT action_id FROM new_rows UNION SELECT action_id FROM old_rows));
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var (table, function) in Sources)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_revision_insert AFTER INSERT ON {table}
                        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    CREATE TRIGGER {table}_revision_update AFTER UPDATE ON {table}
                        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    CREATE TRIGGER {table}_revision_delete AFTER DELETE ON {table}
                        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                    """);
            }
        }

        private static readonly (string Table, string Function)[] Sources =
        [
            ("plan_nodes", "plan_revision_from_rows"),
            ("plan_actions", "plan_revision_from_rows"),
            ("indicators", "plan_revision_from_indicators"),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in Sources)
                migrationBuilder.Sql($"""
                    DROP TRIGGER {table}_revision_insert ON {table};
                    DROP TRIGGER {table}_revision_update ON {table};
                    DROP TRIGGER {table}_revision_delete ON {table};
                    """);
            migrationBuilder.Sql("""
                DROP TRIGGER plans_revision ON plans;
                DROP FUNCTION plan_revision_on_update();
                DROP FUNCTION plan_revision_from_rows();
                DROP FUNCTION plan_revision_from_indicators();
                """);
            migrationBuilder.DropColumn(
                name: "revision",
                table: "plans");
        }
    }
}
