using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PendingErasuresGivenUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "givenupat",
                table: "pendingerasures",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lasterror",
                table: "pendingerasures",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "progressat",
                table: "pendingerasures",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "progressdone",
                table: "pendingerasures",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "progressstep",
                table: "pendingerasures",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "givenupat",
                table: "pendingerasures");

            migrationBuilder.DropColumn(
                name: "lasterror",
                table: "pendingerasures");

            migrationBuilder.DropColumn(
                name: "progressat",
                table: "pendingerasures");

            migrationBuilder.DropColumn(
                name: "progressdone",
                table: "pendingerasures");

            migrationBuilder.DropColumn(
                name: "progressstep",
                table: "pendingerasures");
        }
    }
}
