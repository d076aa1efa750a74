using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacklogInsight.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LeanerActivityIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_ConnectionId_OccurredAt",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_ConnectionId_TeamSourceId_OccurredAt",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_ConnectionId_TeamSourceId_Week",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ConnectionId_TeamSourceId_Week_OccurredAt",
                table: "Activities",
                columns: new[] { "ConnectionId", "TeamSourceId", "Week", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_ConnectionId_TeamSourceId_Week_OccurredAt",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ConnectionId_OccurredAt",
                table: "Activities",
                columns: new[] { "ConnectionId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ConnectionId_TeamSourceId_OccurredAt",
                table: "Activities",
                columns: new[] { "ConnectionId", "TeamSourceId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ConnectionId_TeamSourceId_Week",
                table: "Activities",
                columns: new[] { "ConnectionId", "TeamSourceId", "Week" });
        }
    }
}
