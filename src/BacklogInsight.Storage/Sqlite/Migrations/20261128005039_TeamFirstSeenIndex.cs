using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacklogInsight.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TeamFirstSeenIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Activities_ConnectionId_TeamSourceId_OccurredAt",
                table: "Activities",
                columns: new[] { "ConnectionId", "TeamSourceId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_ConnectionId_TeamSourceId_OccurredAt",
                table: "Activities");
        }
    }
}
