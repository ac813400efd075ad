using System;
using Microsoft.EntityFrameworkCore.Migrations;
using EsRegions.Web.Infrastructure.Data;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Privacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "personal_data_erasures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    erased_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    email_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    counts = table.Column<string>(type: "jsonb", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_data_erasures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_personal_data_erasures_tenant_id_email_hash",
                table: "personal_data_erasures",
                columns: new[] { "tenant_id", "email_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_personal_data_erasures_tenant_id_erased_at",
                table: "personal_data_erasures",
                columns: new[] { "tenant_id", "erased_at" });

            migrationBuilder.EnableTenantIsolation("personal_data_erasures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "personal_data_erasures");
        }
    }
}
