namespace InspectReady.Web.Infrastructure.Hosting;

/// <summary>
/// Everything the product writes lives under one folder: <c>Data:Root</c>, or the environment variable
/// <c>INSPECTREADY_DATA</c>, default <c>./data</c> relative to the working directory.
/// </summary>
public sealed class DataRoot
{
    public DataRoot(IConfiguration configuration)
    {
        var configured = Environment.GetEnvironmentVariable("INSPECTREADY_DATA");
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["Data:Root"];
        }
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Folder(string name)
    {
        var folder = Combine(name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
