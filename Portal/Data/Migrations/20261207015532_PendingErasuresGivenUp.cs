using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingErasuresGivenUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "GivenUpAt",
                table: "PendingErasures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "PendingErasures",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProgressAt",
                table: "PendingErasures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ProgressDone",
                table: "PendingErasures",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProgressStep",
                table: "PendingErasures",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GivenUpAt",
                table: "PendingErasures");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "PendingErasures");

            migrationBuilder.DropColumn(
                name: "ProgressAt",
                table: "PendingErasures");

            migrationBuilder.DropColumn(
                name: "ProgressDone",
                table: "PendingErasures");

            migrationBuilder.DropColumn(
                name: "ProgressStep",
                table: "PendingErasures");
        }
    }
}
