using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxAzurePortal.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class JustInTimeAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "GrantedByUserId",
                table: "AccessGrants",
                newName: "RequestedByUserId");

            migrationBuilder.RenameColumn(
                name: "GrantedBy",
                table: "AccessGrants",
                newName: "RequestedBy");

            migrationBuilder.AddColumn<string>(
                name: "AgentVersion",
                table: "Clusters",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KubernetesVersion",
                table: "Clusters",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OperatorVersion",
                table: "Clusters",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AccessGrantId",
                table: "ActivityLog",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AccessCount",
                table: "AccessGrants",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ActivatedAt",
                table: "AccessGrants",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActivatedBy",
                table: "AccessGrants",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ActiveUntil",
                table: "AccessGrants",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "AccessGrants",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "AccessGrants",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedByUserId",
                table: "AccessGrants",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "AccessGrants",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndedBy",
                table: "AccessGrants",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RequestedAt",
                table: "AccessGrants",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "AccessGrants",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "TicketConsent");

            // Grants so far all came from a ticket's consent, requested and approved by the customer at creation.
            migrationBuilder.Sql("UPDATE AccessGrants SET RequestedAt = CreatedAt, DecidedAt = CreatedAt, DecidedBy = RequestedBy, DecidedByUserId = RequestedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportTickets_CreatedAt",
                table: "SupportTickets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SupportTickets_Status_CreatedAt",
                table: "SupportTickets",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_Name",
                table: "Clusters",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_Status_Name",
                table: "Clusters",
                columns: new[] { "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityLog_AccessGrantId",
                table: "ActivityLog",
                column: "AccessGrantId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessGrants_Status_RequestedAt",
                table: "AccessGrants",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportTickets_CreatedAt",
                table: "SupportTickets");

            migrationBuilder.DropIndex(
                name: "IX_SupportTickets_Status_CreatedAt",
                table: "SupportTickets");

            migrationBuilder.DropIndex(
                name: "IX_Clusters_Name",
                table: "Clusters");

            migrationBuilder.DropIndex(
                name: "IX_Clusters_Status_Name",
                table: "Clusters");

            migrationBuilder.DropIndex(
                name: "IX_ActivityLog_AccessGrantId",
                table: "ActivityLog");

            migrationBuilder.DropIndex(
                name: "IX_AccessGrants_Status_RequestedAt",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "AgentVersion",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "KubernetesVersion",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "OperatorVersion",
                table: "Clusters");

            migrationBuilder.DropColumn(
                name: "AccessGrantId",
                table: "ActivityLog");

            migrationBuilder.DropColumn(
                name: "AccessCount",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "ActivatedAt",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "ActivatedBy",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "ActiveUntil",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "EndedBy",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "RequestedAt",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "AccessGrants");

            migrationBuilder.RenameColumn(
                name: "RequestedByUserId",
                table: "AccessGrants",
                newName: "GrantedByUserId");

            migrationBuilder.RenameColumn(
                name: "RequestedBy",
                table: "AccessGrants",
                newName: "GrantedBy");
        }
    }
}
