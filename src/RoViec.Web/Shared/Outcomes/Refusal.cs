using RoViec.Web.Shared.Localisation;

namespace RoViec.Web.Shared.Outcomes;

/// <summary>
/// Why a request was refused. Every use case's refused cases name one of these (<see cref="IRefused"/>), and
/// <see cref="Refusals.Status"/> is the one place that says which HTTP status each means, for pages and API alike.
/// </summary>
public enum Refusal
{
    /// <summary>400: the request or form as sent is refused (a missing or unreadable field, a value no form offers).</summary>
    BadRequest,

    /// <summary>401: the caller has not proved who they are (a wrong sign-in code, no API token).</summary>
    Unauthenticated,

    /// <summary>403: the caller may know the thing but not do this to it.</summary>
    Forbidden,

    /// <summary>404: no such thing, or one outside the caller's reach (which the caller must not learn exists).</summary>
    NotFound,

    /// <summary>409: not now — another state, a closed period, or someone else saved meanwhile.</summary>
    Conflict,

    /// <summary>413: the file is larger than the application takes.</summary>
    TooLarge,

    /// <summary>415: not a kind of file or body the application reads.</summary>
    UnsupportedType,

    /// <summary>422: the values were read, and a rule of the work refuses them (a date out of the period, a score above the maximum).</summary>
    Invalid,

    /// <summary>423: the account is locked for a while after repeated wrong codes.</summary>
    Locked,

    /// <summary>429: too many requests from the same place in a short time.</summary>
    TooMany,
}

/// <summary>A refused case of a use case's outcome: why, and the Vietnamese sentence the person reads.</summary>
public interface IRefused
{
    Refusal Refusal { get; }

    /// <summary>The sentence in Vietnamese (the API, the command line and the logs read this).</summary>
    string Message { get; }

    /// <summary>
    /// The sentence a page writes in its reader's language (<see cref="Sentence.In"/>). An outcome whose message is built
    /// from parts gives its format and arguments here; otherwise the message itself is the resource key.
    /// </summary>
    Sentence Text => Message;
}

/// <summary>A refusal decided before any use case runs (a form that did not bind, a body that is not JSON).</summary>
public sealed record Refused(Refusal Refusal, string Message) : IRefused;

public static class Refusals
{
    /// <summary>The HTTP status of a refusal — the only place in the application that says so.</summary>
    public static int Status(Refusal refusal) => refusal switch
    {
        Refusal.BadRequest => StatusCodes.Status400BadRequest,
        Refusal.Unauthenticated => StatusCodes.Status401Unauthorized,
        Refusal.Forbidden => StatusCodes.Status403Forbidden,
        Refusal.NotFound => StatusCodes.Status404NotFound,
        Refusal.Conflict => StatusCodes.Status409Conflict,
        Refusal.TooLarge => StatusCodes.Status413PayloadTooLarge,
        Refusal.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        Refusal.Invalid => StatusCodes.Status422UnprocessableEntity,
        Refusal.Locked => StatusCodes.Status423Locked,
        Refusal.TooMany => StatusCodes.Status429TooManyRequests,
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };
}
