using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using EsRegions.Web.Infrastructure.Data;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlansRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "year_to",
                table: "plans",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "year_from",
                table: "plans",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<Guid>(
                name: "parent_plan_id",
                table: "plans",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution_unknown",
                table: "plans",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "plan_schedules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    heading = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    from = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    to = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    notes = table.Column<List<string>>(type: "text[]", nullable: false),
                    source_file = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_schedules", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_schedules_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "schedule_phases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    schedule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    details = table.Column<List<string>>(type: "text[]", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schedule_phases", x => x.id);
                    table.ForeignKey(
                        name: "fk_schedule_phases_plan_schedules_schedule_id",
                        column: x => x.schedule_id,
                        principalTable: "plan_schedules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "schedule_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    schedule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phase_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    from = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    to = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    owner = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schedule_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_schedule_tasks_plan_schedules_schedule_id",
                        column: x => x.schedule_id,
                        principalTable: "plan_schedules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_schedule_tasks_schedule_phases_phase_id",
                        column: x => x.phase_id,
                        principalTable: "schedule_phases",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_plans_parent_plan_id",
                table: "plans",
                column: "parent_plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_schedules_plan_id",
                table: "plan_schedules",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_schedules_tenant_id_source_file",
                table: "plan_schedules",
                columns: new[] { "tenant_id", "source_file" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_schedule_phases_schedule_id",
                table: "schedule_phases",
                column: "schedule_id");

            migrationBuilder.CreateIndex(
                name: "ix_schedule_phases_tenant_id_schedule_id_position",
                table: "schedule_phases",
                columns: new[] { "tenant_id", "schedule_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_schedule_tasks_phase_id",
                table: "schedule_tasks",
                column: "phase_id");

            migrationBuilder.CreateIndex(
                name: "ix_schedule_tasks_schedule_id",
                table: "schedule_tasks",
                column: "schedule_id");

            migrationBuilder.CreateIndex(
                name: "ix_schedule_tasks_tenant_id_schedule_id_phase_id_position",
                table: "schedule_tasks",
                columns: new[] { "tenant_id", "schedule_id", "phase_id", "position" });

            migrationBuilder.AddForeignKey(
                name: "fk_plans_plans_parent_plan_id",
                table: "plans",
                column: "parent_plan_id",
                principalTable: "plans",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.EnableTenantIsolation("plan_schedules");
            migrationBuilder.EnableTenantIsolation("schedule_phases");
            migrationBuilder.EnableTenantIsolation("schedule_tasks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_plans_plans_parent_plan_id",
                table: "plans");

            migrationBuilder.DropTable(
                name: "schedule_tasks");

            migrationBuilder.DropTable(
                name: "schedule_phases");

            migrationBuilder.DropTable(
                name: "plan_schedules");

            migrationBuilder.DropIndex(
                name: "ix_plans_parent_plan_id",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "parent_plan_id",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "resolution_unknown",
                table: "plans");

            migrationBuilder.AlterColumn<int>(
                name: "year_to",
                table: "plans",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "year_from",
                table: "plans",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
