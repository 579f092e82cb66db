using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxAzurePortal.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ClaimableRunsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClusterRuns_Status_LeaseExpiresAt",
                table: "ClusterRuns");

            migrationBuilder.CreateIndex(
                name: "IX_ClusterRuns_Claimable",
                table: "ClusterRuns",
                column: "CreatedAt",
                filter: "[Status] IN ('Queued', 'Running')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClusterRuns_Claimable",
                table: "ClusterRuns");

            migrationBuilder.CreateIndex(
                name: "IX_ClusterRuns_Status_LeaseExpiresAt",
                table: "ClusterRuns",
                columns: new[] { "Status", "LeaseExpiresAt" });
        }
    }
}
