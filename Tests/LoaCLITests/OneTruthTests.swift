import Foundation
import LoaHTTP
import LoaServer
import LoaTesting
import Testing

/// Issue 16 §3: one message, one truth. A noisy broadcast (5xx and 429 from the gateways, receipts
/// twice and out of order, undelivered SMS, residents reading in Zalo, Facebook and browsers, and
/// link-preview fetchers) runs through `loa demo`; then the report, its breakdown, the unread lists,
/// `notice show`, the JSON API, the dashboard and the HTML report must all give the same counts,
/// and those must be what the simulated gateways and residents did.
@Suite("One truth per notice")
struct OneTruthTests {
    struct Counts: Equatable, CustomStringConvertible {
        var targeted = 0, accepted = 0, delivered = 0, opened = 0, acknowledged = 0, failed = 0, reached = 0
        var description: String {
            "targeted \(targeted) accepted \(accepted) delivered \(delivered) opened \(opened) acknowledged \(acknowledged) failed \(failed) reached \(reached)"
        }

        init() {}
        init(json: [String: Any]) {
            func int(_ key: String) -> Int { (json[key] as? NSNumber)?.intValue ?? -1 }
            targeted = int("targeted"); accepted = int("accepted"); delivered = int("delivered"); opened = int("opened")
            acknowledged = int("acknowledged"); failed = int("failed"); reached = int("reached")
        }
    }

    @Test
    func everyViewGivesTheCountsTheResidentsAndGatewaysMade() async throws {
        let cli = try CLI()
        var csv = "họ tên;số điện thoại;thôn;nhóm\n"
        for index in 0..<400 {
            csv += "Cư dân \(index);09\(String(format: "%08d", 31_000_000 + index * 7));Thôn \(["Thông Nhất", "Đồng Tâm", "Hòa Bình", "Tân Lập"][index % 4]);"
                + (index % 3 == 0 ? "Hội Nông dân" : "Hội Phụ nữ") + "\n"
        }
        try cli.runner.write("xa.csv", Data(csv.utf8))
        let demo = try await cli.run(
            "demo", "--residents", "xa.csv", "--keep", "--no-zalo-share", "0.3", "--server-error-rate", "0.05",
            "--throttle-rate", "0.03", "--failure-rate", "0.1", "--preview-share", "0.6", "--html", "report.html")
        #expect(demo.status == 0, "\(demo.stderr)")
        let lines = demo.stdout.split(separator: "\n").map(String.init)
        let id = try #require(demo.stdout.firstMatch(of: /Convocation (N-[A-Z0-9]+)/)).output.1
        let kept = try #require(demo.stderr.firstMatch(of: /kept: (\S+)/)).output.1
        let db = "sqlite:\(kept)/loa.db"

        // What the stand-ins did: the gateways took what Loa recorded as taken (the demo warns
        // otherwise), and the residents opened, confirmed and were reached this often.
        #expect(!demo.stdout.contains("warning:"), "\(demo.stdout)")
        let residents = try #require(lines.first { $0.hasPrefix("the simulated residents:") })
        let truthReach = try #require(lines.first { $0.hasPrefix("reach the simulated residents really had") }).numbers
        #expect(residents.contains("link previews read") && !residents.contains("link previews read 0 "), "\(residents)")
        let people = residents.numbers
        let (opened, acknowledged, reached) = (people[0], people.count > 4 ? people[4] : -1, truthReach[truthReach.count - 2])

        // The command line.
        let report = try #require(try await cli.json("--db", db, "report", String(id)) as? [String: Any])
        let told = Counts(json: report)
        #expect(told.targeted == 400 && told.accepted + told.failed == 400, "\(told)")
        #expect(told.opened == opened && told.acknowledged == acknowledged && told.reached == reached, "\(told) vs \(residents)")
        #expect(told.failed > 0 && told.opened > told.acknowledged, "the broadcast was noisy enough to tell counts apart: \(told)")
        for grouping in ["hamlet", "group", "channel"] {
            let broken = try #require(try await cli.json("--db", db, "report", String(id), "--by", grouping) as? [String: Any])
            #expect(Counts(json: broken) == told, "report --by \(grouping)")
            if grouping == "hamlet" {
                var sum = Counts()
                for row in try #require(broken["by"] as? [[String: Any]]) {
                    let counts = Counts(json: row)
                    sum.targeted += counts.targeted; sum.accepted += counts.accepted; sum.delivered += counts.delivered
                    sum.opened += counts.opened; sum.acknowledged += counts.acknowledged; sum.failed += counts.failed
                    sum.reached += counts.reached
                }
                #expect(sum == told, "the hamlets add up to the totals")
            }
        }
        let unread = try #require(try await cli.json("--db", db, "unread", String(id)) as? [[String: Any]])
        #expect(unread.count == told.targeted - told.reached)
        #expect(unread.allSatisfy { $0.keys.contains("last_error") && !["opened", "acknowledged"].contains($0["state"] as? String) })
        #expect(unread.filter { $0["state"] as? String == "failed" }.count == told.failed)
        let notAcked = try #require(try await cli.json("--db", db, "unread", String(id), "--not-acked") as? [[String: Any]])
        #expect(notAcked.count == told.targeted - told.acknowledged)
        let shown = try #require(try await cli.json("--db", db, "notice", "show", String(id)) as? [String: Any])
        let states = try #require(shown["states"] as? [String: Int])
        #expect(states.values.reduce(0, +) == told.targeted)
        #expect((states["opened"] ?? 0) + (states["acknowledged"] ?? 0) == told.reached)
        #expect(states["acknowledged"] ?? 0 == told.acknowledged && states["failed"] ?? 0 == told.failed)
        #expect((states["delivered"] ?? 0) + told.reached == told.delivered)

        // The HTML report the demo wrote.
        let html = try String(contentsOfFile: cli.runner.directory.appendingPathComponent("report.html").path, encoding: .utf8)
        #expect(html.contains("(\(told.reached)/\(told.targeted) người"))
        #expect(html.contains("Đã gửi tới tổng đài: \(told.accepted) · Đã nhận: \(told.delivered) · Đã mở: \(told.opened) ·"))
        #expect(html.contains("Đã xác nhận: \(told.acknowledged) · Thất bại: \(told.failed)"))

        // The API and the dashboard of a `loa run` on the same database.
        let port = try #require(LoaServer.freeLoopbackPort())
        let configPath = "\(kept)/loa.toml"
        let config = try String(contentsOfFile: configPath, encoding: .utf8)
            .replacing(/127\.0\.0\.1:\d+"\s*\n/, with: "127.0.0.1:\(port)\"\n")
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        let token = try await cli.ok("--db", db, "--config", configPath, "token", "create", "--role", "auditor", "--label", "one-truth")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try cli.runner.start(["--db", db, "--config", configPath, "run"], log: "run.log")
        defer { server.terminate() }
        try await TestHTTPServerProbe(port: port).waitUntilServing()
        let client = HTTPClient()
        defer { client.shutdown() }
        let base = "http://127.0.0.1:\(port)"
        func get(_ path: String, _ headers: HTTPHeaders) async throws -> HTTPResponse {
            try await client.send(HTTPRequest(method: .get, url: base + path, headers: headers, timeout: .seconds(20)))
        }
        let bearer: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        let apiReport = try JSONSerialization.jsonObject(with: Data(try await get("/api/notices/\(id)/report", bearer).body)) as? [String: Any]
        #expect(Counts(json: try #require(apiReport)) == told, "API report")
        let apiUnread = try JSONSerialization.jsonObject(with: Data(try await get("/api/notices/\(id)/unread?format=json", bearer).body)) as? [Any]
        #expect(apiUnread?.count == unread.count, "API unread")
        let apiNotice = try JSONSerialization.jsonObject(with: Data(try await get("/api/notices/\(id)", bearer).body)) as? [String: Any]
        #expect(apiNotice?["states"] as? [String: Int] == states, "API notice")

        // Signed in as a person does: the sign-in page's cookie and form value go back with the form.
        let form = try await get("/login", [:])
        let formCookies = form.headers.values(for: "Set-Cookie").compactMap { $0.split(separator: ";").first.map(String.init) }
        let csrf = try #require(String(decoding: form.body, as: UTF8.self).firstMatch(of: /name="csrf" value="([^"]+)"/)).output.1
        let signIn = try await client.send(HTTPRequest(
            method: .post, url: base + "/login",
            headers: [
                "Content-Type": "application/x-www-form-urlencoded", "Origin": base, "Cookie": formCookies.joined(separator: "; "),
            ],
            body: Array("csrf=\(csrf)&token=\(token)&next=%2F".utf8), timeout: .seconds(20)))
        #expect(signIn.status == 303, "\(String(decoding: signIn.body, as: UTF8.self))")
        let cookie = try #require(
            signIn.headers.values(for: "Set-Cookie").first { $0.contains("loa_session=") && !$0.contains("Max-Age=0") }?
                .split(separator: ";").first.map(String.init))
        let page = String(decoding: try await get("/notices/\(id)?lang=en", ["Cookie": cookie]).body, as: UTF8.self)
        #expect(page.contains("(\(told.reached)/\(told.targeted) residents"), "\(page.prefix(800))")
        #expect(page.contains("Delivered: \(told.delivered) · Opened: \(told.opened) · Acknowledged: \(told.acknowledged) ·"))
        #expect(page.contains("Failed: \(told.failed) · Unreachable: 0"))
    }
}

extension String {
    /// The whole numbers in the text, in order.
    var numbers: [Int] {
        split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }
}
