using InspectReady.Web.Infrastructure.Hosting;

namespace InspectReady.Web.Infrastructure.Excel;

/// <summary>
/// Generated files are written to a temporary file under the data directory and streamed from there:
/// nothing large is held in memory, and Kestrel's no-synchronous-IO rule is kept.
/// </summary>
public sealed class TempFiles(DataRoot root)
{
    public async Task<IResult> DownloadAsync(Func<Stream, Task> write, string contentType, string downloadName)
    {
        var path = Path.Combine(root.Folder("tmp"), Guid.NewGuid().ToString("N"));
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await write(output);
        }
        var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        return Results.File(read, contentType, downloadName, enableRangeProcessing: true);
    }

    /// <summary>Runs a writer into a new temporary file and returns its path with the writer's answer.</summary>
    public async Task<(string Path, T Result)> WriteAsync<T>(Func<Stream, Task<T>> write, string extension = "")
    {
        var path = Path.Combine(root.Folder("tmp"), Guid.NewGuid().ToString("N") + extension);
        T result;
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
        {
            result = await write(output);
        }
        return (path, result);
    }

    /// <summary>Streams a temporary file to the client and deletes it when the response is done.</summary>
    public IResult Stream(string path, string contentType, string downloadName) =>
        Results.File(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose),
            contentType, downloadName, enableRangeProcessing: true);
}
