using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxAzurePortal.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AdminClusterSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clusters_Name",
                table: "Clusters");

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_Name_Search",
                table: "Clusters",
                columns: new[] { "Name", "Id", "Region", "OrganisationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clusters_Name_Search",
                table: "Clusters");

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_Name",
                table: "Clusters",
                column: "Name");
        }
    }
}
