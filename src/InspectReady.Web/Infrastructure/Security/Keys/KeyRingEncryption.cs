using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace InspectReady.Web.Infrastructure.Security.Keys;

/// <summary>
/// Encrypts each data-protection key's secret (its <c>&lt;masterKey&gt;</c>) with SM4-GCM under the key store's
/// <c>dataprotection</c> key before the key ring is written to the database (ADR 0041). The element names the key
/// id, so a rotated key store still reads older keys; a database copy without the key store cannot.
/// </summary>
public sealed class KeyRingXmlEncryptor(KeyStore keys) : IXmlEncryptor
{
    public const string ElementName = "sm4gcmEncryptedKey";
    public const string Purpose = "data-protection key ring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = keys.Current(KeyNames.DataProtection);
        var bytes = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement(ElementName,
            new XAttribute("keyId", key.Id),
            new XComment(" SM4-GCM under the key store's key named by keyId "),
            new XElement("value", Convert.ToBase64String(Sm4Gcm.Seal(key, Purpose, bytes, Encoding.UTF8.GetBytes(key.Id)))));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }
}

/// <summary>Created by data protection through its activator (a constructor taking the service provider).</summary>
public sealed class KeyRingXmlDecryptor : IXmlDecryptor
{
    private readonly KeyStore keys;

    public KeyRingXmlDecryptor(IServiceProvider services) => keys = services.GetRequiredService<KeyStore>();

    private KeyRingXmlDecryptor(KeyStore keys) => this.keys = keys;

    /// <summary>A decryptor over a given key store (the activator only sees the public constructor).</summary>
    public static KeyRingXmlDecryptor Over(KeyStore keys) => new(keys);

    public XElement Decrypt(XElement encryptedElement)
    {
        var id = (string?)encryptedElement.Attribute("keyId") ?? throw new CryptographicException("密钥环元素缺少 keyId");
        var key = keys.Get(id) ?? throw new CryptographicException($"密钥库中没有解密数据保护密钥环所需的密钥 {id}（目录 {keys.Directory}）");
        var value = (string?)encryptedElement.Element("value") ?? throw new CryptographicException("密钥环元素缺少密文");
        var bytes = Sm4Gcm.Open(key, KeyRingXmlEncryptor.Purpose, Convert.FromBase64String(value), Encoding.UTF8.GetBytes(id));
        return XElement.Parse(Encoding.UTF8.GetString(bytes));
    }
}

public static class KeyRingEncryptionSetup
{
    /// <summary>New keys of the ring are written encrypted; keys written before (unencrypted) are still read as they are.</summary>
    public static IDataProtectionBuilder ProtectKeysWithKeyStore(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new KeyRingXmlEncryptor(sp.GetRequiredService<KeyStore>())));
        return builder;
    }
}
