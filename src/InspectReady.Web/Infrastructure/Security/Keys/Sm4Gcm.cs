using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace InspectReady.Web.Infrastructure.Security.Keys;

/// <summary>
/// SM4-GCM (BouncyCastle) under a key-store key: the 128-bit SM4 key is the first half of HMAC-SM3(key, purpose),
/// so one stored key never serves two purposes. Output: 12-byte nonce ‖ ciphertext ‖ 16-byte tag.
/// </summary>
public static class Sm4Gcm
{
    private const int NonceBytes = 12;
    private const int TagBits = 128;

    public static byte[] Seal(KeyMaterial key, string purpose, byte[] plaintext, byte[]? associatedData = null)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var cipher = Cipher(true, key, purpose, nonce, associatedData);
        var output = new byte[NonceBytes + cipher.GetOutputSize(plaintext.Length)];
        nonce.CopyTo(output, 0);
        var n = cipher.ProcessBytes(plaintext, 0, plaintext.Length, output, NonceBytes);
        cipher.DoFinal(output, NonceBytes + n);
        return output;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the key is not the one that sealed, or the bytes were changed.</summary>
    public static byte[] Open(KeyMaterial key, string purpose, byte[] sealedBytes, byte[]? associatedData = null)
    {
        if (sealedBytes.Length < NonceBytes + TagBits / 8)
        {
            throw new CryptographicException("密文过短");
        }
        var cipher = Cipher(false, key, purpose, sealedBytes.AsSpan(0, NonceBytes).ToArray(), associatedData);
        var output = new byte[cipher.GetOutputSize(sealedBytes.Length - NonceBytes)];
        try
        {
            var n = cipher.ProcessBytes(sealedBytes, NonceBytes, sealedBytes.Length - NonceBytes, output, 0);
            n += cipher.DoFinal(output, n);
            return output[..n];
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
        {
            throw new CryptographicException("解密失败：密钥不符或密文被改动", e);
        }
    }

    private static GcmBlockCipher Cipher(bool encrypt, KeyMaterial key, string purpose, byte[] nonce, byte[]? associatedData)
    {
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(encrypt, new AeadParameters(new KeyParameter(Derive(key, purpose)), TagBits, nonce, associatedData));
        return cipher;
    }

    private static byte[] Derive(KeyMaterial key, string purpose)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key.Bytes));
        var input = Encoding.UTF8.GetBytes("InspectReady SM4-GCM " + purpose);
        mac.BlockUpdate(input, 0, input.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return output[..16];
    }
}
