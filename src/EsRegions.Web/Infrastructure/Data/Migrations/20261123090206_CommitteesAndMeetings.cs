using System;
using System.Collections.Generic;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommitteesAndMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "committees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    short_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    mandate = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    plan_priorities = table.Column<List<string>>(type: "text[]", nullable: false),
                    source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committees", x => x.id);
                    table.ForeignKey(
                        name: "fk_committees_committees_parent_id",
                        column: x => x.parent_id,
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "committee_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    institution = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    seat = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    term_from = table.Column<DateOnly>(type: "date", nullable: false),
                    term_to = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    feed_token_hash = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_committee_members_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "committee_resolutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    adopted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    document_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_resolutions", x => x.id);
                    table.ForeignKey(
                        name: "fk_committee_resolutions_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    date_text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date_from = table.Column<DateOnly>(type: "date", nullable: false),
                    date_to = table.Column<DateOnly>(type: "date", nullable: false),
                    date_precision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    location = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    online = table.Column<bool>(type: "boolean", nullable: false),
                    online_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    organiser = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    agenda = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_public = table.Column<bool>(type: "boolean", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    source_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    minutes = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    minutes_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    minutes_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    materials = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_meetings_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "meeting_invitation_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    queued = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_invitation_batches", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_invitation_batches_meeting_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    substitute = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attended = table.Column<bool>(type: "boolean", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_invitations_meeting_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_committee_members_committee_id",
                table: "committee_members",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_committee_members_tenant_id_committee_id",
                table: "committee_members",
                columns: new[] { "tenant_id", "committee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_committee_members_tenant_id_feed_token_hash",
                table: "committee_members",
                columns: new[] { "tenant_id", "feed_token_hash" },
                unique: true,
                filter: "feed_token_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_committee_resolutions_committee_id",
                table: "committee_resolutions",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_committee_resolutions_tenant_id_committee_id_year_number",
                table: "committee_resolutions",
                columns: new[] { "tenant_id", "committee_id", "year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_committees_parent_id",
                table: "committees",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_committees_tenant_id_key",
                table: "committees",
                columns: new[] { "tenant_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitation_batches_meeting_id",
                table: "meeting_invitation_batches",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitation_batches_tenant_id_meeting_id",
                table: "meeting_invitation_batches",
                columns: new[] { "tenant_id", "meeting_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitations_meeting_id",
                table: "meeting_invitations",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitations_tenant_id_meeting_id_email",
                table: "meeting_invitations",
                columns: new[] { "tenant_id", "meeting_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meetings_committee_id",
                table: "meetings",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_tenant_id_committee_id",
                table: "meetings",
                columns: new[] { "tenant_id", "committee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_tenant_id_source_key",
                table: "meetings",
                columns: new[] { "tenant_id", "source_key" },
                unique: true,
                filter: "source_key IS NOT NULL");

            migrationBuilder.EnableTenantIsolation("committees");
            migrationBuilder.EnableTenantIsolation("committee_members");
            migrationBuilder.EnableTenantIsolation("committee_resolutions");
            migrationBuilder.EnableTenantIsolation("meetings");
            migrationBuilder.EnableTenantIsolation("meeting_invitation_batches");
            migrationBuilder.EnableTenantIsolation("meeting_invitations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "committee_members");

            migrationBuilder.DropTable(
                name: "committee_resolutions");

            migrationBuilder.DropTable(
                name: "meeting_invitation_batches");

            migrationBuilder.DropTable(
                name: "meeting_invitations");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "committees");
        }
    }
}
