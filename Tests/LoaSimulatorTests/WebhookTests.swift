import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

@Suite("Webhook dialect and resident behaviour")
struct WebhookTests {
    @Test("A send answers wh-<n>/accepted and the state callback names both ids")
    func acceptedAndCalledBack() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.webhook.callbackURL = receiver.url("/hooks/web/s/status")
        try await withSimulator(options) { sim in
            let response = try await sim.post(
                "/webhook/commune/loa", json: #"{"id":"N1-R1-web-1","body":"Họp thôn"}"#)
            #expect(response.status == 200)
            let reply = try jsonObject(response.body)
            #expect((reply["id"] as? String)?.hasPrefix("wh-") == true)
            #expect(reply["status"] as? String == "accepted")
            #expect(await sim.simulator.waitUntilIdle())
            let callback = try jsonObject(try #require(receiver.requests.first).body)
            #expect(callback["id"] as? String == reply["id"] as? String)
            #expect(callback["key"] as? String == "N1-R1-web-1")
            #expect(callback["status"] as? String == "delivered")
            #expect((callback["timestamp"] as? String)?.hasSuffix("Z") == true)
        }
    }

    @Test("Out of order: the final state, then an earlier 'accepted'")
    func outOfOrder() async throws {
        let receiver = try makeReceiver()
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.webhook.callbackURL = receiver.url("/cb")
        options.outOfOrderRate = 1
        try await withSimulator(options) { sim in
            _ = try await sim.post("/webhook/x", json: #"{"id":"k"}"#)
            #expect(await sim.simulator.waitUntilIdle())
            let statuses = try receiver.requests.map { try jsonObject($0.body)["status"] as? String }
            #expect(statuses == ["delivered", "accepted"])
        }
    }

    @Test("Residents of every dialect open links in a phone browser and confirm with the page's form")
    func opensAndAcks() async throws {
        let site = try ResidentSite()
        defer { site.shutdown() }
        var options = SimulatorOptions()
        options.openShare = 1
        options.ackShare = 1
        options.openDelay = .milliseconds(5) ... .milliseconds(20)
        try await withSimulator(options) { sim in
            _ = try await sim.post("/webhook/x", json: #"{"id":"a","link":"\#(site.link("tok1"))"}"#)
            _ = try await sim.sendZNS(
                phone: "84912345678", tracking: "z", data: #"{"name":"An","link":"\#(site.link("tok2"))?v=1"}"#)
            _ = try await sim.sendESMS(
                phone: "0912345678", requestID: "e", content: "Hop thon luc 8h. Xem \(site.link("tok3")). Cam on")
            #expect(await sim.simulator.waitUntilIdle())
            let visits = site.visits.sorted()
            #expect(visits == [
                "GET /m/tok1", "GET /m/tok1/logo.png", "GET /m/tok1/s.css",
                "GET /m/tok2/logo.png", "GET /m/tok2/s.css", "GET /m/tok2?v=1",
                "GET /m/tok3", "GET /m/tok3/logo.png", "GET /m/tok3/s.css",
                "POST /m/tok1/ack?from=page&lang=vi", "POST /m/tok2/ack?from=page&lang=vi",
                "POST /m/tok3/ack?from=page&lang=vi",
            ])
            #expect(site.server.requests.allSatisfy { $0.header("User-Agent")?.contains("Mobile") == true })
            #expect(sim.simulator.stats[.webhook].opens == 1 && sim.simulator.stats[.webhook].acks == 1)
            #expect(sim.simulator.stats[.zaloZNS].acks == 1 && sim.simulator.stats[.esms].acks == 1)
        }
    }

    @Test("With a link origin set, links naming a public URL are visited on the local server as that URL")
    func linkOrigin() async throws {
        let site = try ResidentSite()
        defer { site.shutdown() }
        var options = SimulatorOptions()
        options.openShare = 1
        options.ackShare = 1
        options.linkOrigin = site.server.baseURL
        try await withSimulator(options) { sim in
            _ = try await sim.post("/webhook/x", json: #"{"id":"a","link":"https://loa.example.gov.vn/m/tok9?s=1"}"#)
            #expect(await sim.simulator.waitUntilIdle())
            #expect(site.visits == [
                "GET /m/tok9?s=1", "GET /m/tok9/s.css", "GET /m/tok9/logo.png", "POST /m/tok9/ack?from=page&lang=vi",
            ])
            // The browser believes it is on the public origin.
            let post = try #require(site.server.requests.last)
            #expect(post.header("Origin") == "https://loa.example.gov.vn")
            #expect(post.header("Referer") == "https://loa.example.gov.vn/m/tok9?s=1")
        }
    }

    @Test("Open and ack shares hold across many messages; acks are a subset of opens")
    func engagementShares() async throws {
        let site = try ResidentSite()
        defer { site.shutdown() }
        var options = SimulatorOptions()
        options.openShare = 0.8
        options.ackShare = 0.5
        try await withSimulator(options) { sim in
            for index in 0..<100 {
                _ = try await sim.post("/webhook/x", json: #"{"id":"m\#(index)","link":"\#(site.link("\(index)"))"}"#)
            }
            #expect(await sim.simulator.waitUntilIdle())
            let stats = sim.simulator.stats[.webhook]
            #expect((65...95).contains(stats.opens))
            #expect((35...65).contains(stats.acks))
            let requests = site.server.requests
            let opened = Set(requests.filter { $0.method == "GET" }.map { $0.path.split(separator: "/")[1] })
            let acked = requests.filter { $0.method == "POST" }.map { $0.path.split(separator: "/")[1] }
            #expect(acked.allSatisfy(opened.contains))
            #expect(sim.simulator.stats.residentsReached == stats.opens)
        }
    }

    @Test("A callback receiver that keeps failing is retried, then counted as failed")
    func failingReceiver() async throws {
        let receiver = try TestHTTPServer { _ in .json(503, "{}") }
        defer { receiver.shutdown() }
        var options = SimulatorOptions()
        options.webhook.callbackURL = receiver.url("/cb")
        options.callbackAttempts = 3
        options.callbackRetryDelay = .milliseconds(10)
        try await withSimulator(options) { sim in
            _ = try await sim.post("/webhook/x", json: #"{"id":"k"}"#)
            #expect(await sim.simulator.waitUntilIdle())
            #expect(receiver.requestCount == 3)
            #expect(sim.simulator.stats[.webhook].callbacksFailed == 1)
        }
    }
}
