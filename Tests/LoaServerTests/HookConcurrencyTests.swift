import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// Concurrent callbacks share store transactions (the hooks' group commit) and stay exact.
@Suite("Gateway hooks under concurrency", .serialized)
struct HookConcurrencyTests {
    /// eSMS's report on the `CallbackUrl` Loa sent for `job` (its token first, gateways.md §4.3).
    static func esmsPath(_ job: DispatchJob, status: Int = 5, success: Int = 1) -> String {
        ServerHarness.hookPath("sms") + "?" + ServerHarness.hookToken("sms", key: job.idempotencyKey)
            + "&SMSID=S\(job.messageID)&RequestId=\(job.idempotencyKey)&SendStatus=\(status)&SendSuccess=\(success)"
            + "&SendFailed=\(1 - success)&TypeId=2&telcoid=1"
    }

    @Test
    func manyConcurrentReportsAreEachRecordedOnceBeforeTheirAnswer() async throws {
        let server = try await ServerHarness.start()
        let sent = try await server.send(on: "sms")
        let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]
        let jobs = try names.map { try #require(sent.jobs[$0]) }
        // Every report ten times, plus an early "accepted" for each and a report for no message,
        // all at once: duplicates and late lower states land in the same or in later batches.
        var paths: [String] = []
        for job in jobs {
            for _ in 0..<10 { paths.append(Self.esmsPath(job)) }
            paths.append(Self.esmsPath(job, status: 2, success: 0))
        }
        paths.append(
            ServerHarness.hookPath("sms") + "?" + ServerHarness.hookToken("sms", key: "NO-SUCH-KEY")
                + "&SMSID=X1&RequestId=NO-SUCH-KEY&SendStatus=5&SendSuccess=1")
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for path in paths.shuffled() {
                group.addTask { try await server.request(.get, path).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == paths.count)
        #expect(statuses.allSatisfy { $0 == 200 })
        for (name, job) in zip(names, jobs) {
            #expect(try await server.state(notice: sent.notice, message: job.messageID) == .delivered, "\(name)")
            let receipts = try await server.store.events(message: job.messageID).filter { $0.kind == "receipt" }
            #expect(receipts.count == 2, "one delivered and one accepted report for \(name), however often they came")
        }
        await server.stop()
    }

    @Test
    func aReportIsStoredWhenItsAnswerArrives() async throws {
        let server = try await ServerHarness.start()
        let an = try #require(try await server.send(on: "sms").jobs["Nguyễn Văn An"])
        let response = try await server.request(.get, Self.esmsPath(an))
        #expect(response.status == 200)
        // No waiting: the 200 went out after the commit.
        #expect(try await server.store.events(message: an.messageID).contains { $0.kind == "receipt" && $0.state == .delivered })
        await server.stop()
    }
}
