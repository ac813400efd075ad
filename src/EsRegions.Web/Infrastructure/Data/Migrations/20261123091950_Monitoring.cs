using System;
using EsRegions.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicator_catalogue",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    definition = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    aggregation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    per100k = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_catalogue", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_indicator_tracks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    node_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    action_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    indicator_name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_indicator_tracks", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_indicator_tracks_plan_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_report_publications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    values = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_report_publications", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_report_publications_plan_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_reporting_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    approved_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reopen_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reopened_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    reopened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_reporting_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_reporting_periods_plan_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "region_populations",
                columns: table => new
                {
                    region = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    population = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_region_populations", x => new { x.region, x.year });
                });

            migrationBuilder.CreateTable(
                name: "published_indicator_values",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    catalogue_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    indicators = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_published_indicator_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_published_indicator_values_indicator_catalogue_catalogue_co",
                        column: x => x.catalogue_code,
                        principalTable: "indicator_catalogue",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_indicator_value_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    track_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    number = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    assessment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    changed_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_indicator_value_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_indicator_value_revisions_monitoring_indicator_t",
                        column: x => x.track_id,
                        principalTable: "monitoring_indicator_tracks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_indicator_values",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    track_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    number = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    assessment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    entered_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_indicator_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_indicator_values_monitoring_indicator_tracks_tra",
                        column: x => x.track_id,
                        principalTable: "monitoring_indicator_tracks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_indicator_tracks_plan_id",
                table: "monitoring_indicator_tracks",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_indicator_tracks_tenant_id_plan_id_indicator_id",
                table: "monitoring_indicator_tracks",
                columns: new[] { "tenant_id", "plan_id", "indicator_id" });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_indicator_value_revisions_tenant_id_track_id_per",
                table: "monitoring_indicator_value_revisions",
                columns: new[] { "tenant_id", "track_id", "period", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_indicator_value_revisions_track_id",
                table: "monitoring_indicator_value_revisions",
                column: "track_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_indicator_values_tenant_id_track_id_period",
                table: "monitoring_indicator_values",
                columns: new[] { "tenant_id", "track_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_indicator_values_track_id",
                table: "monitoring_indicator_values",
                column: "track_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_report_publications_plan_id",
                table: "monitoring_report_publications",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_report_publications_tenant_id_plan_id_year",
                table: "monitoring_report_publications",
                columns: new[] { "tenant_id", "plan_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_reporting_periods_plan_id",
                table: "monitoring_reporting_periods",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_reporting_periods_tenant_id_plan_id_key",
                table: "monitoring_reporting_periods",
                columns: new[] { "tenant_id", "plan_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_published_indicator_values_catalogue_code_year",
                table: "published_indicator_values",
                columns: new[] { "catalogue_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_published_indicator_values_region_id_plan_id_year_catalogue",
                table: "published_indicator_values",
                columns: new[] { "region_id", "plan_id", "year", "catalogue_code" },
                unique: true);

            migrationBuilder.EnableTenantIsolation("monitoring_indicator_tracks");
            migrationBuilder.EnableTenantIsolation("monitoring_reporting_periods");
            migrationBuilder.EnableTenantIsolation("monitoring_indicator_values");
            migrationBuilder.EnableTenantIsolation("monitoring_indicator_value_revisions");
            migrationBuilder.EnableTenantIsolation("monitoring_report_publications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoring_indicator_value_revisions");

            migrationBuilder.DropTable(
                name: "monitoring_indicator_values");

            migrationBuilder.DropTable(
                name: "monitoring_report_publications");

            migrationBuilder.DropTable(
                name: "monitoring_reporting_periods");

            migrationBuilder.DropTable(
                name: "published_indicator_values");

            migrationBuilder.DropTable(
                name: "region_populations");

            migrationBuilder.DropTable(
                name: "monitoring_indicator_tracks");

            migrationBuilder.DropTable(
                name: "indicator_catalogue");
        }
    }
}
