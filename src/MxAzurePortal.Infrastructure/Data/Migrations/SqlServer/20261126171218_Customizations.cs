using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxAzurePortal.Infrastructure.Data.Migrations.SqlServer
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
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "system");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StorageTierRaisedAt",
                table: "Clusters",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "ClusterRuns",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetNodePool",
                table: "ClusterRuns",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetSettings",
                table: "ClusterRuns",
                type: "nvarchar(max)",
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
