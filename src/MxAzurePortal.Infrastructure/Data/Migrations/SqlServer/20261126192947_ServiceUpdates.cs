using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxAzurePortal.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ServiceUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TargetAgentVersion",
                table: "ClusterRuns",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetKubernetesVersion",
                table: "ClusterRuns",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetOperatorVersion",
                table: "ClusterRuns",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ServiceReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    KubernetesVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OperatorVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    AgentVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ScheduledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PublishedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceReleases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClusterUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReleaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    FromKubernetesVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    FromOperatorVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    FromAgentVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    ToKubernetesVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ToOperatorVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ToAgentVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClusterUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClusterUpdates_ClusterRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ClusterRuns",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ClusterUpdates_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClusterUpdates_ServiceReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "ServiceReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClusterUpdates_ClusterId_Status",
                table: "ClusterUpdates",
                columns: new[] { "ClusterId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ClusterUpdates_ReleaseId_ClusterId",
                table: "ClusterUpdates",
                columns: new[] { "ReleaseId", "ClusterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClusterUpdates_RunId",
                table: "ClusterUpdates",
                column: "RunId",
                unique: true,
                filter: "[RunId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceReleases_CompletedAt_ScheduledOn",
                table: "ServiceReleases",
                columns: new[] { "CompletedAt", "ScheduledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceReleases_Name",
                table: "ServiceReleases",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClusterUpdates");

            migrationBuilder.DropTable(
                name: "ServiceReleases");

            migrationBuilder.DropColumn(
                name: "TargetAgentVersion",
                table: "ClusterRuns");

            migrationBuilder.DropColumn(
                name: "TargetKubernetesVersion",
                table: "ClusterRuns");

            migrationBuilder.DropColumn(
                name: "TargetOperatorVersion",
                table: "ClusterRuns");
        }
    }
}
