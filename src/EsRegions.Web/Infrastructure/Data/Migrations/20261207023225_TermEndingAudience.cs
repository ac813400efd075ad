using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Term-ending reminders not yet sent stop carrying the member's address: they name their audience rule
    /// (TermEndingAudience reads the seat's address when the reminder fires) and link to the member's page. Row-level
    /// security is lifted on both tables for the statement only, so an owner that is not a superuser reaches every region's
    /// rows (TermEndingAudienceMigrationTests).
    /// </summary>
    public partial class TermEndingAudience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE reminders NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE committee_members NO FORCE ROW LEVEL SECURITY;
                UPDATE reminders r
                SET audience_rule = 'committee-term-ending',
                    recipients = '[]',
                    link_path = 'komitety/' || m.committee_id || '/czlonkowie/' || m.id
                FROM committee_members m
                WHERE r.subject_type = 'CommitteeMember' AND r.kind = 'termEnding' AND r.state = 'Scheduled'
                  AND r.audience_rule = 'explicit' AND m.id = r.subject_id AND m.tenant_id = r.tenant_id;
                ALTER TABLE reminders FORCE ROW LEVEL SECURITY;
                ALTER TABLE committee_members FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to stored recipients: the member's address as the seat has it now (the secretariat's address lives in the
            // tenant file, out of reach here; saving the seat's page writes it again).
            migrationBuilder.Sql("""
                ALTER TABLE reminders NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE committee_members NO FORCE ROW LEVEL SECURITY;
                UPDATE reminders r
                SET audience_rule = 'explicit',
                    recipients = CASE WHEN m.email IS NULL THEN '[]'::jsonb
                                      ELSE jsonb_build_array(jsonb_build_object('Address', m.email, 'Name', m.full_name)) END,
                    link_path = 'komitety/' || m.committee_id
                FROM committee_members m
                WHERE r.audience_rule = 'committee-term-ending' AND m.id = r.subject_id AND m.tenant_id = r.tenant_id;
                ALTER TABLE reminders FORCE ROW LEVEL SECURITY;
                ALTER TABLE committee_members FORCE ROW LEVEL SECURITY;
                """);
        }
    }
}
