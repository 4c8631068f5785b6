namespace Portal.Data.Entities;

/// <summary>P1 is the most urgent. Stored as its number, so that sorting puts P1 first.</summary>
public enum TicketPriority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
