using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacklogInsight.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneUniqueActivityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_ConnectionId_SourceKey",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_ConnectionId_WorkItemSourceId",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_TaxonomyVersion",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ConnectionId_WorkItemSourceId_SourceKey",
                table: "Activities",
                columns: new[] { "ConnectionId", "WorkItemSourceId", "SourceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_ConnectionId_WorkItemSourceId_SourceKey",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ConnectionId_SourceKey",
                table: "Activities",
                columns: new[] { "ConnectionId", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ConnectionId_WorkItemSourceId",
                table: "Activities",
                columns: new[] { "ConnectionId", "WorkItemSourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_TaxonomyVersion",
                table: "Activities",
                column: "TaxonomyVersion");
        }
    }
}
