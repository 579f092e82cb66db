using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxAzurePortal.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OpenAutomaticTicketsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SupportTickets_OpenAutomatic",
                table: "SupportTickets",
                column: "CreatedAt",
                filter: "[Source] = 'Automatic' AND [Status] <> 'Solved'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportTickets_OpenAutomatic",
                table: "SupportTickets");
        }
    }
}
