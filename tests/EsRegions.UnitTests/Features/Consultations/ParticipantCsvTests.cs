using EsRegions.Web.Features.Consultations;

namespace EsRegions.UnitTests.Features.Consultations;

public sealed class ParticipantCsvTests
{
    [Fact]
    public void A_semicolon_list_with_a_header_and_quoted_organisation_is_read()
    {
        var read = ParticipantCsv.Read("imię i nazwisko;e-mail;organizacja\r\nAnna Nowak;anna@fundacja.pl;\"Fundacja \"\"Razem\"\"; Kraków\"\nJan Kowalski;jan@gmina.pl\n");

        Assert.True(read.Ok, string.Join(" | ", read.ErrorLines()));
        Assert.Equal([new ParticipantCandidate("Anna Nowak", "anna@fundacja.pl", "Fundacja \"Razem\"; Kraków"), new ParticipantCandidate("Jan Kowalski", "jan@gmina.pl", null)],
            read.Candidates);
    }

    [Fact]
    public void Each_error_names_its_row()
    {
        var read = ParticipantCsv.Read("Anna Nowak,anna@fundacja.pl,Fundacja\n\nJan Kowalski,jan(at)gmina.pl,Gmina\n,ewa@ops.pl,OPS\nAnna N.,ANNA@fundacja.pl,Fundacja\n");

        Assert.Equal(
        [
            "Wiersz 3: niepoprawny adres e-mail „jan(at)gmina.pl”",
            "Wiersz 4: brak imienia i nazwiska",
            "Wiersz 5: adres ANNA@fundacja.pl powtarza się na liście",
        ], read.ErrorLines());
    }

    [Fact]
    public void A_row_with_two_problems_names_each_on_its_own_line()
    {
        var read = ParticipantCsv.Read(",jan(at)gmina.pl,Gmina\n");

        Assert.Equal(["Wiersz 1: brak imienia i nazwiska", "Wiersz 1: niepoprawny adres e-mail „jan(at)gmina.pl”"], read.ErrorLines());
    }

    [Fact]
    public void Tab_separated_rows_pasted_from_a_spreadsheet_are_read()
    {
        var read = ParticipantCsv.Read("Ewa Wiśniewska\tewa@ops.pl\tMOPS Tarnów");

        Assert.Equal(new ParticipantCandidate("Ewa Wiśniewska", "ewa@ops.pl", "MOPS Tarnów"), Assert.Single(read.Candidates));
    }

    [Fact]
    public void An_empty_list_is_an_error()
    {
        Assert.Equal(["Lista jest pusta."], ParticipantCsv.Read("\n  \n").ErrorLines());
    }
}
