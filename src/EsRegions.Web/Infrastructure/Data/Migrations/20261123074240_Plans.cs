using System;
using System.Collections.Generic;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year_from = table.Column<int>(type: "integer", nullable: false),
                    year_to = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    notes = table.Column<List<string>>(type: "text[]", nullable: false),
                    source_file = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    resolution = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "plan_nodes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_nodes", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_nodes_plan_nodes_parent_id",
                        column: x => x.parent_id,
                        principalTable: "plan_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plan_nodes_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    product = table.Column<string>(type: "text", nullable: false),
                    implementers = table.Column<List<string>>(type: "text[]", nullable: false),
                    coordinator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    engaged_bodies = table.Column<List<string>>(type: "text[]", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    budget = table.Column<string>(type: "jsonb", nullable: true),
                    timeframe = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_actions_plan_node_node_id",
                        column: x => x.node_id,
                        principalTable: "plan_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plan_actions_plan_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    target_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    target_value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    target_unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    target_text = table.Column<string>(type: "text", nullable: false),
                    baseline = table.Column<string>(type: "text", nullable: true),
                    catalogue_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicators_plan_action_action_id",
                        column: x => x.action_id,
                        principalTable: "plan_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_action_id",
                table: "indicators",
                column: "action_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_tenant_id_action_id_position",
                table: "indicators",
                columns: new[] { "tenant_id", "action_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_node_id",
                table: "plan_actions",
                column: "node_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_plan_id",
                table: "plan_actions",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_actions_tenant_id_plan_id_node_id_position",
                table: "plan_actions",
                columns: new[] { "tenant_id", "plan_id", "node_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_nodes_parent_id",
                table: "plan_nodes",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_nodes_plan_id",
                table: "plan_nodes",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_nodes_tenant_id_plan_id_parent_id_position",
                table: "plan_nodes",
                columns: new[] { "tenant_id", "plan_id", "parent_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_plans_tenant_id_source_file",
                table: "plans",
                columns: new[] { "tenant_id", "source_file" },
                unique: true);

            migrationBuilder.EnableTenantIsolation("plans");
            migrationBuilder.EnableTenantIsolation("plan_nodes");
            migrationBuilder.EnableTenantIsolation("plan_actions");
            migrationBuilder.EnableTenantIsolation("indicators");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "plan_actions");

            migrationBuilder.DropTable(
                name: "plan_nodes");

            migrationBuilder.DropTable(
                name: "plans");
        }
    }
}
