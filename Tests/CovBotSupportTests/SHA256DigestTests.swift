import CovBotSupport
import Testing

@Suite struct SHA256DigestTests {
  /// FIPS 180-4 examples and the empty message.
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func knownDigests(message: String, expected: String) {
    #expect(SHA256Digest.hex(of: message.utf8) == expected)
  }

  /// Messages around the padding boundaries (55, 56, 63, 64, 65 bytes) and many blocks.
  @Test func lengthsAroundTheBlockSize() {
    // `head -c N /dev/zero | tr '\0' a | sha256sum`
    let expected: [Int: String] = [
      55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
      56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
      64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
      65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
      1000: "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3",
    ]
    for (count, digest) in expected {
      #expect(SHA256Digest.hex(of: Array(repeating: UInt8(ascii: "a"), count: count)) == digest, "\(count) bytes")
    }
  }

  @Test func updatesInPiecesEqualOneUpdate() {
    let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    var digest = SHA256Digest()
    digest.update(bytes[..<1])
    digest.update(bytes[1..<63])
    digest.update(bytes[63..<200])
    #expect(digest.finalizeHex() != SHA256Digest.hex(of: bytes))
    digest.update(bytes[200...])
    #expect(digest.finalizeHex() == SHA256Digest.hex(of: bytes))
  }
}
