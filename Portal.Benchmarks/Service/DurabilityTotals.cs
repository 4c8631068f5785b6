namespace Portal.Benchmarks.Service;

/// <summary>Sums over the rounds; passes when nothing acknowledged is missing and every integrity_check is ok.</summary>
public sealed class DurabilityTotals
{
    public int Rounds { get; private set; }
    public long Acknowledged { get; private set; }
    public long Missing { get; private set; }
    public long Refused { get; private set; }
    public int IntegrityFailures { get; private set; }

    public bool Passed => Rounds > 0 && Missing == 0 && IntegrityFailures == 0 && Refused == 0;

    public void Add(DurabilityRound round)
    {
        Rounds++;
        Acknowledged += round.Acknowledged;
        Missing += round.Missing;
        Refused += round.Refused;
        if (round.Integrity != "ok") IntegrityFailures++;
    }

    public override string ToString() =>
        $"rounds {Rounds}, acknowledged {Acknowledged}, missing {Missing}, integrity {(IntegrityFailures == 0 ? "ok" : $"FAILED in {IntegrityFailures} rounds")}, refused (non-201) {Refused}: {(Passed ? "PASS" : "FAIL")}";
}
