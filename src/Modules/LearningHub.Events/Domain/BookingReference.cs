using System.Security.Cryptography;

namespace LearningHub.Events.Domain;

/// <summary>Booking references people can read out on the phone: the board's short name and five characters.</summary>
public static class BookingReference
{
    // No 0/O, 1/I/L or U: nothing that reads as something else, and no accidental words.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(string boardShortName)
    {
        Span<char> code = stackalloc char[5];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{boardShortName.ToUpperInvariant()}-{code}";
    }

    /// <summary>Tidies a reference someone typed (spaces, lower case) into the stored form.</summary>
    public static string Normalise(string reference) => reference.Trim().ToUpperInvariant().Replace(" ", "");
}
