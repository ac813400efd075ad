using System;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "member_calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    application_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    confirmation_by = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    seats = table.Column<string[]>(type: "text[]", nullable: false),
                    source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_calls_committee_committee_id",
                        column: x => x.committee_id,
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    institution = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    seat = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    motivation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    rodo_consent = table.Column<bool>(type: "boolean", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    decision_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_applications_member_call_call_id",
                        column: x => x.call_id,
                        principalTable: "member_calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_call_applications_call_id",
                table: "call_applications",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_applications_tenant_id_call_id",
                table: "call_applications",
                columns: new[] { "tenant_id", "call_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_calls_committee_id",
                table: "member_calls",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_calls_tenant_id_committee_id",
                table: "member_calls",
                columns: new[] { "tenant_id", "committee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_calls_tenant_id_key",
                table: "member_calls",
                columns: new[] { "tenant_id", "key" },
                unique: true);

            migrationBuilder.EnableTenantIsolation("member_calls");
            migrationBuilder.EnableTenantIsolation("call_applications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_applications");

            migrationBuilder.DropTable(
                name: "member_calls");
        }
    }
}
