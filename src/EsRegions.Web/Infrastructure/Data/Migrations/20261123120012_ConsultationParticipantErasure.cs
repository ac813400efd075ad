using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EsRegions.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsultationParticipantErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_consultation_participants_tenant_id_consultation_id_email",
                table: "consultation_participants");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_participants_tenant_id_consultation_id_email",
                table: "consultation_participants",
                columns: new[] { "tenant_id", "consultation_id", "email" },
                unique: true,
                filter: "email <> '[dane usunięte]'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_consultation_participants_tenant_id_consultation_id_email",
                table: "consultation_participants");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_participants_tenant_id_consultation_id_email",
                table: "consultation_participants",
                columns: new[] { "tenant_id", "consultation_id", "email" },
                unique: true);
        }
    }
}
