import Foundation
import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

/// A running simulator and a client to talk to it.
struct SimulatorHarness {
    let simulator: GatewaySimulator
    let client: HTTPClient
    let baseURL: String

    /// Posts `json` to `path` with `headers` and returns the answer.
    func post(
        _ path: String, json: String, headers: HTTPHeaders = [:], timeout: Duration = .seconds(10)
    ) async throws -> HTTPResponse {
        var headers = headers
        if !headers.contains("Content-Type") { headers.add(name: "Content-Type", value: "application/json") }
        return try await client.send(HTTPRequest(
            method: .post, url: baseURL + path, headers: headers, body: json, timeout: timeout))
    }

    /// Sends a ZNS template message with the default access token.
    func sendZNS(
        phone: String, tracking: String, data: String = #"{"name":"Nguyễn Văn An"}"#,
        token: String = ZaloZNSAccount().accessToken
    ) async throws -> HTTPResponse {
        try await post(
            "/message/template",
            json: #"{"phone":"\#(phone)","template_id":"231456","template_data":\#(data),"#
                + #""tracking_id":"\#(tracking)"}"#,
            headers: ["access_token": token])
    }

    /// Sends an eSMS brandname SMS with the default keys.
    func sendESMS(
        phone: String, requestID: String, content: String = "Thong bao hop thon", callback: String? = nil,
        apiKey: String = ESMSAccount().apiKey
    ) async throws -> HTTPResponse {
        let callbackField = callback.map { #","CallbackUrl":"\#($0)""# } ?? ""
        return try await post(
            "/MainService.svc/json/SendMultipleMessage_V4_post_json/",
            json: #"{"ApiKey":"\#(apiKey)","SecretKey":"\#(ESMSAccount().secretKey)","Phone":"\#(phone)","#
                + #""Content":"\#(content)","Brandname":"UBND XA","SmsType":"2","IsUnicode":"0","#
                + #""RequestId":"\#(requestID)","Sandbox":"0"\#(callbackField)}"#)
    }
}

/// Runs `body` against a freshly started simulator, stopping it afterwards.
func withSimulator<T>(
    _ options: SimulatorOptions = SimulatorOptions(),
    _ body: (SimulatorHarness) async throws -> T
) async throws -> T {
    let simulator = GatewaySimulator(options: options)
    let port = try await simulator.start()
    let client = HTTPClient()
    defer { client.shutdown() }
    do {
        let harness = SimulatorHarness(simulator: simulator, client: client, baseURL: "http://127.0.0.1:\(port)")
        let result = try await body(harness)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

/// A callback receiver answering every request with `200 {}`.
func makeReceiver() throws -> TestHTTPServer {
    try TestHTTPServer { _ in .json(200, "{}") }
}

/// The body parsed as a JSON object.
func jsonObject(_ bytes: [UInt8]) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
}

/// The value of `path` (dot-separated) inside a JSON object.
func value(_ object: [String: Any], _ path: String) -> Any? {
    var current: Any? = object
    for part in path.split(separator: ".") {
        current = (current as? [String: Any])?[String(part)]
    }
    return current
}

/// The first value of query parameter `name`.
func queryValue(_ request: TestHTTPServer.Request, _ name: String) -> String? {
    request.queryItems.first { $0.name == name }?.value
}

/// A valid Viettel-style number in `84…` form, distinct for each `index` below a million.
func phone(_ index: Int) -> String {
    let digits = String(index)
    return "8498" + String(repeating: "0", count: 7 - digits.count) + digits
}

/// The standard output of a system tool fed `input` on standard input: the test oracles below
/// come from programs that share no code with the simulator.
func toolOutput(_ path: String, _ arguments: [String] = [], input: [UInt8]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input))
    try stdin.fileHandleForWriting.close()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}

/// The first word of a coreutils digest line (`<hex>  -`).
private func digestWord(_ data: Data) -> String {
    String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}

/// SHA-1 of `bytes` computed by coreutils' `sha1sum`.
func sha1sum(_ bytes: [UInt8]) throws -> String {
    digestWord(try toolOutput("/usr/bin/sha1sum", input: bytes))
}

/// SHA-256 of `bytes` computed by coreutils' `sha256sum`, independently of the simulator.
func sha256sum(_ bytes: [UInt8]) throws -> String {
    digestWord(try toolOutput("/usr/bin/sha256sum", input: bytes))
}

/// base64(HMAC-SHA1(key, text)) computed by `openssl`, independently of the simulator.
func opensslHMACSHA1(key: String, _ text: String) throws -> String {
    try toolOutput("/usr/bin/openssl", ["dgst", "-sha1", "-hmac", key, "-binary"], input: Array(text.utf8)).base64EncodedString()
}
