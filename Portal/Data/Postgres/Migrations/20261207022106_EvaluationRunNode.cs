using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationRunNode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "heartbeatat",
                table: "evaluationruns",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "runningon",
                table: "evaluationruns",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "heartbeatat",
                table: "evaluationruns");

            migrationBuilder.DropColumn(
                name: "runningon",
                table: "evaluationruns");
        }
    }
}
