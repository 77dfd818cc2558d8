using System.Security.Cryptography;
using System.Xml.Linq;
using InspectReady.Web.Infrastructure.Audit;
using InspectReady.Web.Infrastructure.Security.Keys;

namespace InspectReady.UnitTests.Security;

public sealed class KeyStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ir-keys-" + Guid.NewGuid().ToString("N"), "keys");
    private readonly Dictionary<string, string> environment = [];

    private KeyStore Store() => new(directory, v => environment.GetValueOrDefault(v));

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);

    [Fact]
    public void A_key_is_created_on_first_use_as_a_file_readable_only_by_its_owner_and_read_back_by_another_store()
    {
        var key = Store().Current("audit");
        Assert.Equal("audit.v1", key.Id);
        Assert.Equal(32, key.Bytes.Length);
        var file = Path.Combine(directory, "audit.key");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        }
        Assert.Equal(key.Bytes, Store().Current("audit").Bytes);
    }

    [Fact]
    public void The_environment_variable_wins_over_the_file()
    {
        Store().Current("audit");
        var bytes = RandomNumberGenerator.GetBytes(32);
        environment["INSPECTREADY_KEY_AUDIT"] = Convert.ToBase64String(bytes);
        Assert.Equal(bytes, Store().Current("audit").Bytes);
        environment["INSPECTREADY_KEY_AUDIT"] = Convert.ToBase64String(new byte[16]);
        Assert.Throws<InvalidOperationException>(() => Store().Current("audit"));
    }

    [Fact]
    public void Rotation_adds_the_next_version_and_keeps_the_old_one_readable()
    {
        var store = Store();
        var v1 = store.Current("audit");
        var v2 = store.Rotate("audit");
        Assert.Equal("audit.v2", v2.Id);
        Assert.True(File.Exists(Path.Combine(directory, "audit.v2.key")));
        Assert.Equal("audit.v2", Store().Current("audit").Id);
        Assert.Equal(v1.Bytes, Store().Get("audit.v1")!.Bytes);
        Assert.NotEqual(v1.Bytes, v2.Bytes);
        Assert.Null(Store().Get("audit.v3"));
        Assert.Null(Store().Get("../audit.v1"));
    }

    [Fact]
    public void Sm4_gcm_opens_only_with_the_sealing_key_and_unchanged_bytes()
    {
        var key = Store().Current("dataprotection");
        var sealedBytes = Sm4Gcm.Seal(key, "test", "机密"u8.ToArray());
        Assert.Equal("机密"u8.ToArray(), Sm4Gcm.Open(key, "test", sealedBytes));
        Assert.Throws<CryptographicException>(() => Sm4Gcm.Open(key with { Bytes = new byte[32] }, "test", sealedBytes));
        Assert.Throws<CryptographicException>(() => Sm4Gcm.Open(key, "other purpose", sealedBytes));
        sealedBytes[^1] ^= 1;
        Assert.Throws<CryptographicException>(() => Sm4Gcm.Open(key, "test", sealedBytes));
    }

    [Fact]
    public void The_key_ring_element_is_encrypted_and_a_store_without_the_key_cannot_decrypt_it()
    {
        var element = XElement.Parse("<masterKey><value>c2VjcmV0LW1hc3Rlci1rZXk=</value></masterKey>");
        var encrypted = new KeyRingXmlEncryptor(Store()).Encrypt(element);
        Assert.DoesNotContain("c2VjcmV0LW1hc3Rlci1rZXk=", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(typeof(KeyRingXmlDecryptor), encrypted.DecryptorType);
        Assert.Equal(element.ToString(), KeyRingXmlDecryptor.Over(Store()).Decrypt(encrypted.EncryptedElement).ToString());
        var other = new KeyStore(Path.Combine(Path.GetDirectoryName(directory)!, "other"));
        Assert.Throws<CryptographicException>(() => KeyRingXmlDecryptor.Over(other).Decrypt(encrypted.EncryptedElement));
    }

    [Fact]
    public void A_checkpoint_line_verifies_only_unchanged_and_under_its_key()
    {
        var key = Store().Current("audit-checkpoint");
        var checkpoint = AuditCheckpoint.Sign(42, new string('a', 64), new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), key);
        var parsed = AuditCheckpoint.Parse(checkpoint.Line, Store().Get);
        Assert.Equal(checkpoint, parsed);
        Assert.Null(AuditCheckpoint.Parse(checkpoint.Line.Replace("\t42\t", "\t41\t", StringComparison.Ordinal), Store().Get));
        Assert.Null(AuditCheckpoint.Parse(checkpoint.Line, _ => key with { Bytes = new byte[32] }));
        Assert.Null(AuditCheckpoint.Parse("garbage", Store().Get));
    }
}
