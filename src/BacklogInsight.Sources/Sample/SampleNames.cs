namespace BacklogInsight.Sources.Sample;

/// <summary>Name parts for the generated people.</summary>
internal static class SampleNames
{
    public static readonly string[] First =
    [
        "Amara", "Lukas", "Priya", "Mateo", "Sofia", "Jonas", "Aisha", "Tomasz", "Elena", "Kwame", "Ingrid", "Rafael",
        "Mei", "Oskar", "Fatima", "Daniel", "Yuki", "Leon", "Chiara", "Arjun", "Hannah", "Emre", "Nora", "Diego",
        "Sara", "Mikael", "Olga", "Samuel", "Zainab", "Felix", "Camille", "Viktor", "Lena", "Ravi", "Julia", "Pedro",
        "Anouk", "Marek", "Leila", "Nils", "Grace", "Tariq", "Eva", "Hugo", "Marta", "Ibrahim",
    ];

    public static readonly string[] Last =
    [
        "Okafor", "Becker", "Raman", "Fernández", "Rossi", "Lindqvist", "Khan", "Nowak", "Petrova", "Mensah", "Haugen",
        "Costa", "Zhang", "Nielsen", "El Amrani", "Weber", "Tanaka", "Schulz", "Bianchi", "Iyer", "Müller", "Yılmaz",
        "Dubois", "Morales", "Svensson", "Kowalski", "Ivanova", "Adeyemi", "Hussain", "Wagner", "Laurent", "Horváth",
        "Fischer", "Sharma", "de Vries", "Almeida", "Janssen", "Dvořák", "Haddad", "Berg", "O'Brien", "Aziz",
    ];
}
