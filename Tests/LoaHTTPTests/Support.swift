import LoaHTTP
import LoaTesting

/// Runs `body` against a fresh server and client, shutting both down afterwards.
func withServer<T>(
    configuration: HTTPClient.Configuration = .init(),
    _ handler: @escaping TestHTTPServer.Handler,
    _ body: (TestHTTPServer, HTTPClient) async throws -> T
) async throws -> T {
    let server = try TestHTTPServer(handler)
    let client = HTTPClient(configuration: configuration)
    defer {
        client.shutdown()
        server.shutdown()
    }
    return try await body(server, client)
}

/// The outcome of `send` as a value, for assertions on the error kind.
func outcome(_ client: HTTPClient, _ request: HTTPRequest) async -> Result<HTTPResponse, HTTPClientError> {
    do {
        return .success(try await client.send(request))
    } catch {
        return .failure(error)
    }
}

extension Result where Failure == HTTPClientError {
    /// The error kind, or `nil` for a success.
    var errorKind: HTTPClientError.Kind? {
        guard case .failure(let error) = self else { return nil }
        return error.kind
    }
}

/// FNV-1a over little-endian 64-bit words (zero-padded tail), a checksum cheap enough for
/// multi-MiB bodies in debug builds.
func checksum(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            var word: UInt64 = 0
            let count = min(8, raw.count - offset)
            withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)])) }
            hash = (hash ^ UInt64(littleEndian: word)) &* 0x0000_0100_0000_01B3
            offset += count
        }
    }
    return hash ^ UInt64(bytes.count)
}

/// Milliseconds elapsed since `start`.
func millisecondsSince(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}
