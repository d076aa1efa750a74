using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacklogInsight.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OverviewCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActivityCounts_Week_ConnectionId_TeamSourceId",
                table: "ActivityCounts");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityCounts_Class_Week_ConnectionId_TeamSourceId_ActorSourceId_LastAt",
                table: "ActivityCounts",
                columns: new[] { "Class", "Week", "ConnectionId", "TeamSourceId", "ActorSourceId", "LastAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityCounts_Week_ConnectionId_TeamSourceId_Class_Count",
                table: "ActivityCounts",
                columns: new[] { "Week", "ConnectionId", "TeamSourceId", "Class", "Count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActivityCounts_Class_Week_ConnectionId_TeamSourceId_ActorSourceId_LastAt",
                table: "ActivityCounts");

            migrationBuilder.DropIndex(
                name: "IX_ActivityCounts_Week_ConnectionId_TeamSourceId_Class_Count",
                table: "ActivityCounts");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityCounts_Week_ConnectionId_TeamSourceId",
                table: "ActivityCounts",
                columns: new[] { "Week", "ConnectionId", "TeamSourceId" });
        }
    }
}
