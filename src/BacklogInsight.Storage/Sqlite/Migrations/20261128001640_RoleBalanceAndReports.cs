using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BacklogInsight.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoleBalanceAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TeamSourceId",
                table: "Activities",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Week",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActivityCounts",
                columns: table => new
                {
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamSourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Week = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorSourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Class = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityCounts", x => new { x.ConnectionId, x.TeamSourceId, x.Week, x.ActorSourceId, x.Class });
                    table.ForeignKey(
                        name: "FK_ActivityCounts_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Week = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reports_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ConnectionId_TeamSourceId_Week",
                table: "Activities",
                columns: new[] { "ConnectionId", "TeamSourceId", "Week" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityCounts_Week_ConnectionId_TeamSourceId",
                table: "ActivityCounts",
                columns: new[] { "Week", "ConnectionId", "TeamSourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_TeamId",
                table: "Reports",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Week_TeamId",
                table: "Reports",
                columns: new[] { "Week", "TeamId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityCounts");

            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Activities_ConnectionId_TeamSourceId_Week",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "TeamSourceId",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Week",
                table: "Activities");
        }
    }
}
