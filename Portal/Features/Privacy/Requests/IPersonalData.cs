using System.Text.Json;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// What another feature holds about a person, found by the application's user id in the contexts it keeps (see
/// <see cref="SubjectSql"/>). Each feature that keeps contexts registers one, so a data-subject request reaches all of
/// them and Privacy needs to know none of those features, as with the log's derived data.
/// </summary>
public interface IPersonalData
{
    /// <summary>Erased in this order, lowest first: what points at decisions (a ticket's link) goes before the decisions.</summary>
    int ErasureOrder { get; }

    /// <summary>The step's name for people, while it runs ("Decisions").</summary>
    string Step { get; }

    /// <summary>How many of each kind it holds about the subject; zero counts included.</summary>
    Task<IReadOnlyList<HeldCount>> CountAsync(DataSubject subject, IProgress<double> progress, CancellationToken ct);

    /// <summary>
    /// Writes what it holds as properties of the export's open object (<c>"decisions": [...]</c>), row by row, flushing
    /// the writer now and then (<see cref="ExportFlush"/>) so that no set is ever held whole.
    /// </summary>
    Task WriteAsync(DataSubject subject, Utf8JsonWriter json, CancellationToken ct);

    /// <summary>Erases in short batches, adding each committed batch to the erasure's tally; stops between batches when cancelled.</summary>
    Task EraseAsync(Erasure erasure, IProgress<double> progress, CancellationToken ct);
}
