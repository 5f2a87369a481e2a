import LoaChannels
import LoaHTTP
import LoaTesting
import Testing

/// `loa channels check`'s look at Loa's own public address, against a real HTTP server.
@Suite("Public URL checks")
struct PublicURLCheckTests {
    @Test(
        "Addresses the internet cannot reach are named as such",
        arguments: [
            ("http://127.0.0.1:8080", "a loopback address"), ("http://localhost:8080", "a loopback name"),
            ("https://loa.local", "a name only the local network knows"), ("http://192.168.1.20", "a private address"),
            ("http://10.0.0.5", "a private address"), ("http://172.20.1.1", "a private address"),
            ("http://100.64.3.1", "a carrier-grade NAT address"), ("http://[::1]:8080", "a loopback address"),
            ("https://loa.example.gov.vn", nil), ("http://203.113.131.2", nil), ("http://172.32.0.1", nil),
        ] as [(String, String?)])
    func privateAddresses(url: String, problem: String?) async throws {
        let served = try TestHTTPServer { _ in .json(200, #"{"status":"ok"}"#) }
        defer { served.shutdown() }
        let client = HTTPClient()
        defer { client.shutdown() }
        // Loa's health report, served locally for whatever address the office configured.
        let rerouted = PublicURLCheck(publicURL: url, transport: Rerouting(client: client, to: served.baseURL, from: url))
        let answered = await rerouted.callback(hookSecretSet: true)
        if let problem {
            #expect(answered.status == .warning && answered.detail.contains(problem), "\(answered.detail)")
            #expect(answered.detail.contains("gateways on the internet cannot reach \(url)"))
        } else {
            #expect(answered.status == .ok, "\(answered.detail)")
        }
    }

    @Test("No hook secret fails without asking; an answer that is not Loa's health report fails")
    func notLoa() async throws {
        let unreachable = await PublicURLCheck(publicURL: "https://loa.example.gov.vn", transport: RefusingTransport())
            .callback(hookSecretSet: true)
        #expect(unreachable.status == .failed && unreachable.detail.contains("did not answer"), "\(unreachable.detail)")
        let noSecret = await PublicURLCheck(publicURL: "https://loa.example.gov.vn", transport: RefusingTransport())
            .callback(hookSecretSet: false)
        #expect(noSecret.status == .failed && noSecret.detail.contains("no [server] hook_secret"))
        let other = try TestHTTPServer { _ in .text(200, "<html>nginx default page</html>") }
        defer { other.shutdown() }
        let client = HTTPClient()
        defer { client.shutdown() }
        let finding = await PublicURLCheck(publicURL: other.baseURL, transport: client).callback(hookSecretSet: true)
        #expect(finding.status == .failed && finding.detail.contains("not Loa's health report"), "\(finding.detail)")
    }

    @Test("The verification file or the meta tag on / is enough; neither fails")
    func verification() async throws {
        let both = try TestHTTPServer { request in
            switch request.path {
            case "/zalo_verifierAbC123.html": .text(200, "<meta property=\"zalo-platform-site-verification\" content=\"AbC123\" />")
            case "/": .text(200, "<html><head><meta name=\"zalo-platform-site-verification\" content=\"AbC123\" /></head></html>")
            default: .text(404, "not found")
            }
        }
        defer { both.shutdown() }
        let client = HTTPClient()
        defer { client.shutdown() }
        let ok = await PublicURLCheck(publicURL: both.baseURL, transport: client).verification(code: "AbC123")
        #expect(ok.status == .ok && ok.detail.contains("and the meta tag"), "\(ok.detail)")
        let wrongCode = await PublicURLCheck(publicURL: both.baseURL, transport: client).verification(code: "Zz999")
        #expect(wrongCode.status == .failed && wrongCode.detail.contains("HTTP 404"), "\(wrongCode.detail)")
    }
}

/// A transport behind which nothing answers.
private struct RefusingTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        throw HTTPClientError(.connect, "Connection refused")
    }
}

/// Sends requests for `from` to a local server instead, so a public-looking address can answer.
private struct Rerouting: HTTPTransport {
    let client: HTTPClient
    let to: String
    let from: String

    func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        var request = request
        request.url = to + request.url.dropFirst(from.count)
        return try await client.send(request)
    }
}
