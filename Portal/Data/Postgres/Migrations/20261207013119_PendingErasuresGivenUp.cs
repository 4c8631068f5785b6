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
        }
    }
}
