using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxAzurePortal.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Customizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NodePoolName",
                table: "Clusters",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "system");

            migrationBuilder.AddColumn<long>(
                name: "StorageTierRaisedAt",
                table: "Clusters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "ClusterRuns",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetNodePool",
                table: "ClusterRuns",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetSettings",
                table: "ClusterRuns",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NodePoolName",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "StorageTierRaisedAt",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "Summary",
                table: "ClusterRuns");

            migrationBuilder.DropColumn(
                name: "TargetNodePool",
                table: "ClusterRuns");

            migrationBuilder.DropColumn(
                name: "TargetSettings",
                table: "ClusterRuns");
        }
    }
}
