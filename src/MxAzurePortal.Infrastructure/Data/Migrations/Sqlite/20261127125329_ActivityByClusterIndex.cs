using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxAzurePortal.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivityByClusterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActivityLog_OrganisationId_ClusterId_At",
                table: "ActivityLog");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityLog_ClusterId_At",
                table: "ActivityLog",
                columns: new[] { "ClusterId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActivityLog_ClusterId_At",
                table: "ActivityLog");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityLog_OrganisationId_ClusterId_At",
                table: "ActivityLog",
                columns: new[] { "OrganisationId", "ClusterId", "At" });
        }
    }
}
