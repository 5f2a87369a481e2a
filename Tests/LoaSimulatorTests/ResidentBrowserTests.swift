import LoaHTTP
import LoaSimulator
import LoaTesting
import Testing

@Suite("Residents' browsers and link-preview fetchers")
struct ResidentBrowserTests {
    /// Fragments of the fetchers' agents (SimulatorOptions.previewShare), none of them a person.
    static let fetcherMarkers = [
        "facebookexternalhit", "meta-externalagent", "TelegramBot", "WhatsApp/", "Discordbot", "Twitterbot",
        "Windows NT",
    ]

    static func isFetcher(_ agent: String?) -> Bool {
        fetcherMarkers.contains { agent?.contains($0) == true }
    }

    @Test("A resident loads the page, its stylesheet and image with one agent, then posts the page's form")
    func residentVisit() async throws {
        let site = try ResidentSite()
        defer { site.shutdown() }
        var options = SimulatorOptions()
        options.openShare = 1
        options.ackShare = 1
        try await withSimulator(options) { sim in
            try await sendLink(sim, site.link("tok1"), id: "k1")
            #expect(await sim.simulator.waitUntilIdle())
            #expect(site.visits == [
                "GET /m/tok1", "GET /m/tok1/s.css", "GET /m/tok1/logo.png", "POST /m/tok1/ack?from=page&lang=vi",
            ])
            let requests = site.server.requests
            let agent = try #require(requests.first?.header("User-Agent"))
            #expect(requests.allSatisfy { $0.header("User-Agent") == agent })
            #expect(!Self.isFetcher(agent) && agent.contains("Mobile"))
            #expect(requests[0].header("Referer") == nil && requests[0].header("Accept")?.hasPrefix("text/html") == true)
            #expect(requests[1...].allSatisfy { $0.header("Referer") == site.link("tok1") })
            #expect(requests[1].header("Accept") == "text/css,*/*;q=0.1")
            #expect(requests[2].header("Accept")?.hasPrefix("image/") == true)
            let post = requests[3]
            #expect(post.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(post.header("Origin") == site.server.baseURL)
            #expect(post.bodyText == "csrf=a+b%26c")
            let stats = sim.simulator.stats
            #expect(stats[.webhook].opens == 1 && stats[.webhook].acks == 1 && stats[.webhook].previewFetches == 0)
            #expect(stats.residentsOpened == 1 && stats.residentsAcknowledged == 1 && stats.residentsReached == 1)
            #expect(ResidentApp.allCases.map(stats.residentsOpened(in:)).reduce(0, +) == 1)
        }
    }

    @Test("A link-preview fetcher reads only the HTML (sometimes after a HEAD): no resource, no form, no open")
    func previewOnly() async throws {
        let site = try ResidentSite()
        defer { site.shutdown() }
        var options = SimulatorOptions()
        options.previewShare = 1
        options.ackShare = 1
        try await withSimulator(options) { sim in
            for index in 0..<30 { try await sendLink(sim, site.link("p\(index)"), id: "p\(index)") }
            #expect(await sim.simulator.waitUntilIdle())
            let requests = site.server.requests
            #expect(requests.allSatisfy { $0.path.split(separator: "/").count == 2 }, "\(site.visits)")
            #expect(requests.allSatisfy { ["GET", "HEAD"].contains($0.method) && Self.isFetcher($0.header("User-Agent")) })
            #expect(requests.filter { $0.method == "GET" }.count == 30)
            #expect(requests.contains { $0.method == "HEAD" })
            #expect(Set(requests.compactMap { $0.header("User-Agent") }).count >= 3)
            let stats = sim.simulator.stats
            #expect(stats.previewFetches == 30 && stats[.webhook].opens == 0 && stats.residentsOpened == 0)
        }
    }

    @Test("With previews and residents both, fetchers come before or after the resident and never load resources")
    func previewsBesideResidents() async throws {
        let site = try ResidentSite()
        defer { site.shutdown() }
        var options = SimulatorOptions()
        options.previewShare = 1
        options.openShare = 1
        try await withSimulator(options) { sim in
            for index in 0..<30 { try await sendLink(sim, site.link("b\(index)"), id: "b\(index)") }
            #expect(await sim.simulator.waitUntilIdle())
            var fetcherFirst = 0
            for index in 0..<30 {
                let requests = site.server.requests.filter { $0.path.split(separator: "/").dropFirst().first == "b\(index)" }
                let resources = requests.filter { $0.path.hasSuffix(".css") || $0.path.hasSuffix(".png") }
                #expect(resources.count == 2 && resources.allSatisfy { !Self.isFetcher($0.header("User-Agent")) })
                if Self.isFetcher(requests.first?.header("User-Agent")) { fetcherFirst += 1 }
            }
            #expect((5...25).contains(fetcherFirst), "previews before the resident: \(fetcherFirst) of 30")
            let stats = sim.simulator.stats
            #expect(stats.previewFetches == 30 && stats[.webhook].opens == 30 && stats.residentsOpened == 30)
        }
    }

    @Test("Agents are mostly Zalo's in-app browser, and the same seed draws the same agents")
    func agentMix() async throws {
        func agents(seed: UInt64) async throws -> (byPath: [String: String], stats: SimulatorStats) {
            let site = try ResidentSite(.init(form: false))
            defer { site.shutdown() }
            var options = SimulatorOptions()
            options.seed = seed
            options.openShare = 1
            return try await withSimulator(options) { sim in
                for index in 0..<200 { try await sendLink(sim, site.link("a\(index)"), id: "a\(index)") }
                #expect(await sim.simulator.waitUntilIdle())
                let pages = site.server.requests.filter { $0.path.split(separator: "/").count == 2 }
                let byPath = Dictionary(pages.map { ($0.path, $0.header("User-Agent") ?? "") }, uniquingKeysWith: { a, _ in a })
                return (byPath, sim.simulator.stats)
            }
        }
        let first = try await agents(seed: 7)
        #expect(first.byPath.count == 200)
        let zalo = first.byPath.values.filter { $0.contains("Zalo android/") || $0.contains("Zalo iOS/") }.count
        #expect(zalo >= 120 && zalo < 180, "\(zalo) of 200 inside Zalo")
        #expect(first.byPath.values.contains { $0.contains("FB_IAB/") || $0.contains("FBAN/") })
        #expect(first.stats.residentsOpened(in: .zalo) == zalo)
        #expect(ResidentApp.allCases.map(first.stats.residentsOpened(in:)).reduce(0, +) == 200)
        #expect(try await agents(seed: 7).byPath == first.byPath)
        #expect(try await agents(seed: 8).byPath != first.byPath)
    }

    @Test("A page without a form is read but cannot be confirmed")
    func noForm() async throws {
        let site = try ResidentSite(.init(form: false))
        defer { site.shutdown() }
        var options = SimulatorOptions()
        options.openShare = 1
        options.ackShare = 1
        try await withSimulator(options) { sim in
            try await sendLink(sim, site.link("nf"), id: "nf")
            #expect(await sim.simulator.waitUntilIdle())
            #expect(site.visits == ["GET /m/nf", "GET /m/nf/s.css", "GET /m/nf/logo.png"])
            let stats = sim.simulator.stats
            #expect(stats[.webhook].opens == 1 && stats[.webhook].acks == 0 && stats.residentsAcknowledged == 0)
        }
    }

    @Test("Resources on another origin are not loaded; a same-origin one that fails means the page was not read")
    func otherOrigin() async throws {
        let elsewhere = try TestHTTPServer { _ in .text(200, "body{}") }
        defer { elsewhere.shutdown() }
        let cdn = elsewhere.baseURL
        let site = try ResidentSite(.init(
            stylesheet: { "\(cdn)/\($0).css" },
            image: { "//127.0.0.1:\(elsewhere.port)/\($0).png" }))
        defer { site.shutdown() }
        let broken = try ResidentSite(.init(form: false, stylesheet: { "/m/\($0)/missing.css" }))
        defer { broken.shutdown() }
        var options = SimulatorOptions()
        options.openShare = 1
        options.ackShare = 1
        options.callbackAttempts = 1
        try await withSimulator(options) { sim in
            try await sendLink(sim, site.link("x1"), id: "x1")
            try await sendLink(sim, broken.link("x2"), id: "x2")
            #expect(await sim.simulator.waitUntilIdle())
            #expect(elsewhere.requestCount == 0)
            #expect(site.visits == ["GET /m/x1", "POST /m/x1/ack?from=page&lang=vi"])
            #expect(broken.visits == ["GET /m/x2", "GET /m/x2/missing.css", "GET /m/x2/logo.png"])
            let stats = sim.simulator.stats
            #expect(stats[.webhook].opens == 1 && stats[.webhook].linkFailures == 1 && stats.residentsOpened == 1)
        }
    }
}
