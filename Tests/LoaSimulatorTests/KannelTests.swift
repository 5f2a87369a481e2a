import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

/// The Kannel dialect: gateways.md §8 (sendsms GET, plain-text replies, DLR GETs with expanded
/// escape codes) and NOTES.md "Kannel" (Not routable + DLR 16, DLR 1 before DLR 8).
@Suite("Kannel dialect")
struct KannelTests {
    /// A sendsms GET as Loa's adapter writes it, with a `dlr-url` carrying `key`.
    private func sendsms(
        _ sim: SimulatorHarness, to: String = "84912345678", key: String = "K1", dlrBase: String? = nil,
        mask: Int = 31, password: String = KannelAccount().password, text: String = "Họp thôn: ệ"
    ) async throws -> HTTPResponse {
        var query: [(String, String)] = [
            ("username", KannelAccount().username), ("password", password), ("from", "UBND XA"), ("to", to),
            ("text", text), ("coding", "2"), ("charset", "UTF-8"), ("dlr-mask", String(mask)),
        ]
        if let dlrBase { query.append(("dlr-url", dlrBase + "?key=\(key)&type=%d&ts=%T&smsc=%i&reply=%A&to=%p")) }
        let encoded = query.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "&")
        return try await sim.client.send(HTTPRequest(method: .get, url: sim.baseURL + "/cgi-bin/sendsms?" + encoded))
    }

    private static func escape(_ text: String) -> String {
        text.utf8.map { byte in
            let character = Character(Unicode.Scalar(byte))
            return byte < 0x80 && (character.isLetter || character.isNumber || "-._~".contains(character))
                ? String(character) : "%" + String(byte, radix: 16, uppercase: true).leftPadded
        }.joined()
    }

    @Test("A send answers 202 '0: Accepted for delivery' in text; the DLR GET expands %d %T %i %A %p")
    func acceptedAndReported() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        try await withSimulator { sim in
            let response = try await sendsms(sim, dlrBase: receiver.url("/hooks/sms/s3cret/status"))
            #expect(response.status == 202 && response.bodyText == "0: Accepted for delivery")
            #expect(response.headers["Content-Type"] == "text/html")
            #expect(await sim.simulator.waitUntilIdle())
            let report = try #require(receiver.requests.first)
            #expect(report.method == "GET" && report.path == "/hooks/sms/s3cret/status")
            #expect(queryValue(report, "key") == "K1" && queryValue(report, "type") == "1")
            #expect(queryValue(report, "ts").flatMap(Int.init) != nil)
            #expect(queryValue(report, "smsc") == "sim" && queryValue(report, "to") == "84912345678")
            #expect(sim.simulator.stats[.kannel].accepted == 1 && sim.simulator.stats[.kannel].callbacksSent == 1)
        }
    }

    @Test("Wrong password → 403 Authorization failed; no receiver → 400")
    func refusals() async throws {
        try await withSimulator { sim in
            let refused = try await sendsms(sim, password: "nope")
            #expect(refused.status == 403 && refused.bodyText == "Authorization failed for sendsms")
            let noReceiver = try await sendsms(sim, to: "")
            // smsbox words an empty `to` apart from a missing one (gw/smsbox.c).
            #expect(noReceiver.status == 400 && noReceiver.bodyText == "Empty receiver number not allowed, rejected")
            #expect(sim.simulator.stats[.kannel].accepted == 0)
        }
    }

    @Test("A number no route takes → 403 Not routable and DLR 16 'NACK/no SMSC'")
    func notRoutable() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        try await withSimulator { sim in
            let response = try await sendsms(sim, to: "842412345678", key: "K16", dlrBase: receiver.url("/dlr"))
            #expect(response.status == 403 && response.bodyText == "Not routable. Do not try again.")
            #expect(await sim.simulator.waitUntilIdle())
            let report = try #require(receiver.requests.first)
            #expect(queryValue(report, "type") == "16" && queryValue(report, "reply") == "NACK/no SMSC")
            #expect(queryValue(report, "key") == "K16")
        }
    }

    @Test("Failed delivery out of order: DLR 2 first, then DLR 8 'ACK/'")
    func failureOutOfOrder() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.deliveryFailureRate = 1
        options.outOfOrderRate = 1
        try await withSimulator(options) { sim in
            _ = try await sendsms(sim, key: "F1", dlrBase: receiver.url("/dlr"))
            #expect(await sim.simulator.waitUntilIdle())
            #expect(receiver.requests.map { queryValue($0, "type") } == ["2", "8"])
            #expect(queryValue(receiver.requests[1], "reply") == "ACK/")
            #expect(sim.simulator.stats[.kannel].undelivered == 1)
        }
    }

    @Test("dlr-mask 0 or no dlr-url → no reports")
    func noReports() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        try await withSimulator { sim in
            let unmasked = try await sendsms(sim, key: "M0", dlrBase: receiver.url("/dlr"), mask: 0)
            let unhooked = try await sendsms(sim)
            #expect(unmasked.status == 202 && unhooked.status == 202)
            #expect(await sim.simulator.waitUntilIdle())
            #expect(receiver.requests.isEmpty)
        }
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
