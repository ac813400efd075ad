using System;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Consultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    plan_version = table.Column<int>(type: "integer", nullable: true),
                    programme = table.Column<bool>(type: "boolean", nullable: false),
                    opens_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closes_on = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_closes_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    phase = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    public_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    report_published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_elements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    depth = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_elements", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultation_elements_consultations_consultation_id",
                        column: x => x.consultation_id,
                        principalTable: "consultations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    organisation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultation_participants_consultations_consultation_id",
                        column: x => x.consultation_id,
                        principalTable: "consultations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    proposal = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    justification = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    response_justification = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultation_comments_consultation_consultation_id",
                        column: x => x.consultation_id,
                        principalTable: "consultations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_consultation_comments_consultation_element_element_id",
                        column: x => x.element_id,
                        principalTable: "consultation_elements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_consultation_comments_consultation_participant_participant_",
                        column: x => x.participant_id,
                        principalTable: "consultation_participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consultation_comments_consultation_id",
                table: "consultation_comments",
                column: "consultation_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_comments_element_id",
                table: "consultation_comments",
                column: "element_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_comments_participant_id",
                table: "consultation_comments",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_comments_tenant_id_consultation_id_element_id",
                table: "consultation_comments",
                columns: new[] { "tenant_id", "consultation_id", "element_id" });

            migrationBuilder.CreateIndex(
                name: "ix_consultation_comments_tenant_id_participant_id",
                table: "consultation_comments",
                columns: new[] { "tenant_id", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_consultation_elements_consultation_id",
                table: "consultation_elements",
                column: "consultation_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_elements_tenant_id_consultation_id_position",
                table: "consultation_elements",
                columns: new[] { "tenant_id", "consultation_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_consultation_participants_consultation_id",
                table: "consultation_participants",
                column: "consultation_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_participants_tenant_id_consultation_id_email",
                table: "consultation_participants",
                columns: new[] { "tenant_id", "consultation_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consultations_tenant_id_plan_id",
                table: "consultations",
                columns: new[] { "tenant_id", "plan_id" });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_tenant_id_public_key",
                table: "consultations",
                columns: new[] { "tenant_id", "public_key" },
                unique: true);

            migrationBuilder.EnableTenantIsolation("consultations");
            migrationBuilder.EnableTenantIsolation("consultation_elements");
            migrationBuilder.EnableTenantIsolation("consultation_participants");
            migrationBuilder.EnableTenantIsolation("consultation_comments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultation_comments");

            migrationBuilder.DropTable(
                name: "consultation_elements");

            migrationBuilder.DropTable(
                name: "consultation_participants");

            migrationBuilder.DropTable(
                name: "consultations");
        }
    }
}
