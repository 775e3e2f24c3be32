namespace RoViec.Data;

/// <summary>A row that belongs to one commune: the DbContext shows it only inside the caller's <see cref="CommuneBoundary"/>.</summary>
public interface ICommuneOwned
{
    Guid CommuneId { get; }
}

/// <summary>
/// The communes whose rows one unit of work may see: the DbContext's named query filter
/// (<see cref="FilterName"/>) keeps every <see cref="ICommuneOwned"/> row of any other commune out of every query, so a
/// forgotten <c>where</c> cannot leak one commune's data into another's.
/// A web request is enclosed in its caller's communes (a commune's users: their commune; a province office: its
/// province's communes; anonymous: none). Outside a request nothing is visible until the work asks, by name
/// (<see cref="Crossing"/>), to see every commune: the places that may do so are few and listed by a test.
/// </summary>
public sealed class CommuneBoundary
{
    /// <summary>The name of the DbContext's query filter.</summary>
    public const string FilterName = "Commune";

    /// <summary>The communes visible now (empty when none is, or when <see cref="CrossesAll"/>); an array, as the filter's query takes it.</summary>
    internal Guid[] Communes { get; private set; } = [];

    /// <summary>Every commune is visible: work that is not one caller's, named by <see cref="Reason"/>.</summary>
    public bool CrossesAll { get; private set; }

    /// <summary>Why every commune is visible, when it is.</summary>
    public Crossing? Reason { get; private set; }

    /// <summary>Shows the given communes and nothing else (a request's caller).</summary>
    public void Enclose(IEnumerable<Guid> communes)
    {
        ArgumentNullException.ThrowIfNull(communes);
        Communes = [.. communes.Distinct()];
        CrossesAll = false;
        Reason = null;
    }

    /// <summary>Shows every commune, for one of the few reasons there are (see <see cref="Crossing"/>).</summary>
    public void CrossAll(Crossing reason)
    {
        if (!Enum.IsDefined(reason)) throw new ArgumentOutOfRangeException(nameof(reason));
        Communes = [];
        CrossesAll = true;
        Reason = reason;
    }
}

/// <summary>The only reasons work may see every commune at once.</summary>
public enum Crossing
{
    /// <summary>The scheduler: opens and closes every commune's periods, reminds and alerts, sends e-mail.</summary>
    Scheduler = 1,

    /// <summary>Creating the demo commune and its history at start-up.</summary>
    DemoSeeding,

    /// <summary>The public page: an anonymous citizen reaches a commune by its address (slug), then sees only that commune.</summary>
    PublicPage,

    /// <summary>A command the server's operator runs on the command line (<c>roviec report</c>), and test arrangements.</summary>
    ServerCommand,

    /// <summary>The national office's view: every province's figures summed from the communes' summary rows, nothing else.</summary>
    NationalFigures,

    /// <summary>The readiness check: the hash of the newest uploaded file, to see that the file store holds it.</summary>
    HealthCheck,
}
