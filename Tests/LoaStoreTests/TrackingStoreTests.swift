import Foundation
import LoaCore
import LoaStore
import Testing

/// Receipts, opens, acknowledgements, replies and the reach arithmetic (SPEC §2, §3, §5).
@Suite("Store contract: tracking and reports")
struct TrackingStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_900_000_000)

    /// A convocation to the four sample residents, each claimed on `zalo` and accepted with ref `R<message id>`.
    func sentConvocation(_ store: any Store, awaitReceipt: Bool = false) async throws -> (Notice, [String: DispatchJob]) {
        let notice = try await store.createNotice(Sample.draft([.all], kind: .convocation, sendAt: Self.t0))
        let jobs = try await store.claimDue(ClaimRequest(now: Self.t0, limit: 10, worker: "w", lease: .seconds(60)))
        #expect(jobs.count == 4)
        try await store.record(
            jobs.map { job in
                DispatchOutcome(
                    messageID: job.messageID, attemptID: job.attemptID, attemptOutcome: "accepted",
                    gatewayRef: "R\(job.messageID)", segments: 2, state: .accepted,
                    nextAt: awaitReceipt ? Self.t0.addingTimeInterval(600) : nil, channelStep: 0, attemptCount: 0,
                    awaitReceipt: awaitReceipt, finishedAt: Self.t0)
            }, worker: "w")
        return (notice, Dictionary(uniqueKeysWithValues: jobs.map { ($0.recipient.name, $0) }))
    }

    @Test(arguments: StoreBackend.available)
    func reachPerHamletGroupAndChannelMatchesHandCounts(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let (notice, jobs) = try await sentConvocation(store)
        let an = try #require(jobs["Nguyễn Văn An"]), binh = try #require(jobs["Trần Thị Bình"])
        let cuong = try #require(jobs["Lê Văn Cường"])
        let t1 = Self.t0.addingTimeInterval(60)
        let results = try await store.applyTracking(
            [
                TrackingEvent(subject: .key(an.idempotencyKey), state: .delivered, dedupeKey: "a-d"),
                TrackingEvent(subject: .gatewayRef("R\(binh.messageID)", phone: nil), state: .delivered, dedupeKey: "b-d"),
                TrackingEvent(subject: .gatewayRef("R\(binh.messageID)", phone: nil), state: .delivered, dedupeKey: "b-d"),
                TrackingEvent(subject: .gatewayRef("R\(binh.messageID)", phone: nil), state: .opened, dedupeKey: "b-seen"),
                TrackingEvent(subject: .key(cuong.idempotencyKey), state: .failed, dedupeKey: "c-f", detail: "UNDELIV"),
                TrackingEvent(subject: .key("NO-SUCH-KEY"), state: .delivered, dedupeKey: "x"),
            ], channel: "zalo", receivedAt: t1)
        #expect(results[2] == .duplicate)
        #expect(results[5] == .unknownMessage)
        // An opens the link and confirms; Dung replies "OK" by SMS without opening.
        let anToken = try #require(try await store.linkToken(message: an.messageID))
        #expect(try await store.recordOpen(token: anToken, at: t1, detail: "phone"))
        #expect(try await store.recordOpen(token: anToken, at: t1, detail: "phone") == false, "one open per message")
        #expect(try await store.acknowledge(token: anToken, at: t1) == .recorded(message: an.messageID))
        let reply = try await store.recordReply(
            channel: "sms", sender: "+84356789012", text: "OK", reading: .acknowledgement(shortCode: nil),
            dedupeKey: "mo-1", at: t1)
        #expect(reply.outcome == "acknowledged \(notice.id)")

        let report = try await store.report(notice: notice.id, by: .hamlet, reachTarget: 0.8)
        var totals = ReachCounts()
        totals.targeted = 4
        totals.accepted = 3
        totals.delivered = 3
        totals.opened = 2
        totals.acknowledged = 2
        totals.failed = 1
        totals.reached = 3
        #expect(report.totals == totals)
        #expect(report.totals.reach == 0.75)
        #expect(report.smsSegments == 8)
        #expect(report.rows.map(\.key) == ["Đồng Tâm", "Thông Nhất"])
        let dongTam = try #require(report.rows.first).counts
        let dongTamCounts: [Int] = [
            dongTam.targeted, dongTam.accepted, dongTam.delivered, dongTam.opened, dongTam.acknowledged, dongTam.failed,
            dongTam.reached,
        ]
        #expect(dongTamCounts == [2, 1, 1, 0, 1, 1, 1])
        let thongNhat = try #require(report.rows.last).counts
        let thongNhatCounts: [Int] = [
            thongNhat.targeted, thongNhat.delivered, thongNhat.opened, thongNhat.acknowledged, thongNhat.reached,
        ]
        #expect(thongNhatCounts == [2, 2, 2, 1, 2])
        #expect(thongNhat.reach == 1.0)

        let groups = try await store.report(notice: notice.id, by: .group, reachTarget: 0.8)
        #expect(groups.rows.map(\.key) == ["Đoàn Thanh niên", "Hội Nông dân", "Hội Phụ nữ"])
        #expect(groups.rows.map(\.counts.targeted) == [1, 2, 1], "Bình counts in both of her groups")
        #expect(groups.rows.map(\.counts.reached) == [0, 2, 1])
        #expect(groups.rows.map(\.counts.opened) == [0, 2, 1])
        #expect(groups.rows.map(\.counts.acknowledged) == [0, 1, 0])
        #expect(groups.rows.map(\.counts.failed) == [1, 0, 0])
        #expect(groups.rows.map(\.counts.delivered) == [0, 2, 1])
        #expect(groups.totals == report.totals, "the totals do not depend on the breakdown")
        let channels = try await store.report(notice: notice.id, by: .channel, reachTarget: 0.8)
        #expect(channels.rows.map(\.key) == ["zalo"])
        #expect(channels.rows.first?.counts.targeted == 4)
    }

    @Test(arguments: StoreBackend.available)
    func lateAndOutOfOrderReceiptsNeverMoveDown(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let (notice, jobs) = try await sentConvocation(store)
        let an = try #require(jobs["Nguyễn Văn An"])
        let t1 = Self.t0.addingTimeInterval(30)
        _ = try await store.applyTracking(
            [
                TrackingEvent(subject: .key(an.idempotencyKey), state: .delivered, dedupeKey: "1"),
                TrackingEvent(subject: .key(an.idempotencyKey), state: .accepted, dedupeKey: "8"),
                TrackingEvent(subject: .key(an.idempotencyKey), state: .failed, dedupeKey: "16"),
            ], channel: "zalo", receivedAt: t1)
        let message = try #require(try await store.messages(notice: notice.id).first { $0.id == an.messageID })
        #expect(message.state == .delivered)
        let kept = try await store.events(message: an.messageID).filter { $0.kind == "receipt" }
        #expect(kept.map(\.state) == [.delivered, .accepted, .failed], "history keeps every receipt")
    }

    @Test(arguments: StoreBackend.available)
    func aCallbackFindsOnlyTheMessagesOfItsOwnChannel(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let (notice, jobs) = try await sentConvocation(store)
        let an = try #require(jobs["Nguyễn Văn An"])
        let phone = try #require(an.recipient.phone).e164
        // Issue 18: Kannel's hook naming a Zalo message by key, gateway id, or gateway id and phone.
        let results = try await store.applyTracking(
            [
                TrackingEvent(subject: .key(an.idempotencyKey), state: .delivered, dedupeKey: "k"),
                TrackingEvent(subject: .gatewayRef("R\(an.messageID)", phone: nil), state: .failed, dedupeKey: "r"),
                TrackingEvent(subject: .gatewayRef("R\(an.messageID)", phone: phone), state: .failed, dedupeKey: "p"),
            ], channel: "kannel", receivedAt: Self.t0.addingTimeInterval(5))
        #expect(results == [.unknownMessage, .unknownMessage, .unknownMessage])
        #expect(try await store.messages(notice: notice.id).first { $0.id == an.messageID }?.state == .accepted)
        #expect(try await store.events(message: an.messageID).filter { $0.kind == "receipt" }.isEmpty)
        // The same gateway id with the phone, on the channel that sent it, is found.
        let own = try await store.applyTracking(
            [TrackingEvent(subject: .gatewayRef("R\(an.messageID)", phone: phone), state: .delivered, dedupeKey: "p")],
            channel: "zalo", receivedAt: Self.t0.addingTimeInterval(6))
        #expect(own == [.applied(message: an.messageID, moved: true)])
    }

    @Test(arguments: StoreBackend.available)
    func onlyEvidenceOfDeliveryLiftsAFailure(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let (notice, jobs) = try await sentConvocation(store)
        let an = try #require(jobs["Nguyễn Văn An"]), binh = try #require(jobs["Trần Thị Bình"])
        let t1 = Self.t0.addingTimeInterval(30)
        // eSMS: the final "not delivered", then a late progress report (SendStatus 7) for An; Bình's
        // failure is followed by the delivery receipt of another gateway node.
        _ = try await store.applyTracking(
            [
                TrackingEvent(subject: .key(an.idempotencyKey), state: .failed, dedupeKey: "an-5f"),
                TrackingEvent(subject: .key(an.idempotencyKey), state: .accepted, dedupeKey: "an-7"),
                TrackingEvent(subject: .key(binh.idempotencyKey), state: .failed, dedupeKey: "binh-5f"),
                TrackingEvent(subject: .key(binh.idempotencyKey), state: .accepted, dedupeKey: "binh-7"),
                TrackingEvent(subject: .key(binh.idempotencyKey), state: .delivered, dedupeKey: "binh-5d"),
            ], channel: "zalo", receivedAt: t1)
        let states = Dictionary(uniqueKeysWithValues: try await store.messages(notice: notice.id).map { ($0.id, $0.state) })
        #expect(states[an.messageID] == .failed, "a progress report after the failure is history only")
        #expect(states[binh.messageID] == .delivered)
        let report = try await store.report(notice: notice.id, by: nil, reachTarget: 0.8)
        #expect(report.totals.failed == 1 && report.totals.accepted == 3 && report.totals.delivered == 1)
        let unread = try await store.unread(notice: notice.id, filter: UnreadFilter())
        #expect(unread.first { $0.residentID == an.recipient.residentID }?.state == .failed)
    }

    @Test(arguments: StoreBackend.available)
    func aFailedReceiptSendsTheNextChannelAtOnceAndAReceiptStopsTheFallback(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let (_, jobs) = try await sentConvocation(store, awaitReceipt: true)
        let an = try #require(jobs["Nguyễn Văn An"]), binh = try #require(jobs["Trần Thị Bình"])
        let t1 = Self.t0.addingTimeInterval(20)
        _ = try await store.applyTracking(
            [
                TrackingEvent(subject: .key(an.idempotencyKey), state: .failed, dedupeKey: "an-f"),
                TrackingEvent(subject: .key(binh.idempotencyKey), state: .delivered, dedupeKey: "binh-d"),
            ], channel: "zalo", receivedAt: t1)
        let next = try await store.claimDue(ClaimRequest(now: t1, limit: 10, worker: "w", lease: .seconds(60)))
        #expect(next.map(\.messageID) == [an.messageID], "only the undelivered one, long before the receipt timeout")
        #expect(next.first?.channelStep == 1)
        let later = try await store.claimDue(
            ClaimRequest(now: Self.t0.addingTimeInterval(601), limit: 10, worker: "w", lease: .seconds(60)))
        #expect(!later.contains { $0.messageID == binh.messageID }, "a delivered message does not fall back")
    }

    @Test(arguments: StoreBackend.available)
    func severalCallbacksInOneTransactionKeepTheirOwnChannelTimeAndResults(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let (notice, jobs) = try await sentConvocation(store)
        let an = try #require(jobs["Nguyễn Văn An"]), binh = try #require(jobs["Trần Thị Bình"])
        let t1 = Self.t0.addingTimeInterval(10), t2 = Self.t0.addingTimeInterval(20)
        let results = try await store.applyTracking([
            TrackingBatch(
                events: [TrackingEvent(subject: .key(an.idempotencyKey), state: .delivered, dedupeKey: "an-d")],
                channel: "zalo", receivedAt: t1),
            TrackingBatch(events: [], channel: "zalo", receivedAt: t1),
            TrackingBatch(
                events: [
                    TrackingEvent(subject: .key(an.idempotencyKey), state: .delivered, dedupeKey: "an-d"),
                    TrackingEvent(subject: .gatewayRef("R\(binh.messageID)", phone: nil), state: .opened, dedupeKey: "b-o"),
                ], channel: "zalo", receivedAt: t2),
            TrackingBatch(
                events: [TrackingEvent(subject: .key(an.idempotencyKey), state: .delivered, dedupeKey: "an-d")],
                channel: "sms", receivedAt: t2),
        ])
        #expect(results == [
            [.applied(message: an.messageID, moved: true)], [],
            [.duplicate, .applied(message: binh.messageID, moved: true)],
            [.unknownMessage],
        ], "a repeat in a later callback of the same transaction is a duplicate; another channel finds no message")
        let anEvents = try await store.events(message: an.messageID).filter { $0.kind == "receipt" }
        #expect(anEvents.map(\.channel) == ["zalo"])
        let messages = try await store.messages(notice: notice.id)
        #expect(messages.first { $0.id == binh.messageID }?.state == .opened)
        let report = try await store.report(notice: notice.id, by: nil, reachTarget: 0.8)
        #expect(report.totals.opened == 1 && report.totals.delivered == 2 && report.totals.targeted == 4)
        #expect(report.rows.isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func unreadListsWhoWasNotReachedOrDidNotConfirm(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let (notice, jobs) = try await sentConvocation(store)
        let an = try #require(jobs["Nguyễn Văn An"]), cuong = try #require(jobs["Lê Văn Cường"])
        let token = try #require(try await store.linkToken(message: an.messageID))
        try await store.recordOpen(token: token, at: Self.t0, detail: nil)
        _ = try await store.applyTracking(
            [TrackingEvent(subject: .key(cuong.idempotencyKey), state: .failed, dedupeKey: "f", detail: "UNDELIV")],
            channel: "zalo", receivedAt: Self.t0)
        let unread = try await store.unread(notice: notice.id, filter: UnreadFilter())
        #expect(unread.map(\.name) == ["Lê Văn Cường", "Phạm Thị Dung", "Trần Thị Bình"])
        #expect(unread.first?.lastError == "UNDELIV")
        #expect(unread.first?.state == .failed)
        let notAcked = try await store.unread(notice: notice.id, filter: UnreadFilter(notAcknowledged: true))
        #expect(notAcked.count == 4, "opening is not confirming")
        let hamlet = try await store.unread(notice: notice.id, filter: UnreadFilter(hamlet: "THÔNG NHẤT"))
        #expect(hamlet.map(\.name) == ["Trần Thị Bình"], "hamlet names match whatever the case")
        #expect(hamlet.first?.phone == "+84987654321")
        // Confirmed in person, never opened: reached all the same.
        _ = try await store.acknowledge(
            notice: notice.id, phone: Sample.phone("0987654321"), via: "in-person", actor: "test", at: Self.t0)
        #expect(try await store.unread(notice: notice.id, filter: UnreadFilter()).map(\.name) == ["Lê Văn Cường", "Phạm Thị Dung"])
    }

    @Test(arguments: StoreBackend.available)
    func unreadIsInVietnameseHamletThenNameOrder(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let rows: [ResidentInput] = [
            ResidentInput(name: "Dương Thị Lan", phone: Sample.phone("0912000001"), hamlet: "Tân Lập"),
            ResidentInput(name: "Đỗ Văn Hùng", phone: Sample.phone("0912000002"), hamlet: "Tân Lập"),
            ResidentInput(name: "Bùi Văn Nam", phone: Sample.phone("0912000003"), hamlet: "Tân Lập"),
            ResidentInput(name: "Đỗ Văn Hùng", phone: Sample.phone("0912000004"), hamlet: "Tân Lập"),
            ResidentInput(name: "Do Van Hung", phone: Sample.phone("0912000005"), hamlet: "Tân Lập"),
            ResidentInput(name: "Ánh Ngọc", phone: Sample.phone("0912000006")),
            ResidentInput(name: "Hà Thị Thu", phone: Sample.phone("0912000007"), hamlet: "Đồng Tâm"),
            ResidentInput(name: "An Văn Bé", phone: Sample.phone("0912000008"), hamlet: "Tân Lập"),
        ]
        _ = try await store.importResidents(rows, columns: .all, actor: "test")
        let notice = try await store.createNotice(Sample.draft([.all], sendAt: Self.t0))
        let unread = try await store.unread(notice: notice.id, filter: UnreadFilter())
        // No hamlet first (""), then Đồng Tâm (d…) before Tân Lập; in a hamlet Đ sorts with D,
        // accents and case are ignored, and equal names keep the order of their resident ids.
        #expect(unread.map(\.name) == [
            "Ánh Ngọc", "Hà Thị Thu", "An Văn Bé", "Bùi Văn Nam", "Đỗ Văn Hùng", "Đỗ Văn Hùng", "Do Van Hung", "Dương Thị Lan",
        ])
        #expect(unread.map(\.phone)[4...6] == ["+84912000002", "+84912000004", "+84912000005"])
        #expect(unread.map(\.hamlet) == [nil, "Đồng Tâm"] + Array(repeating: "Tân Lập", count: 6))
        let one = try await store.unread(notice: notice.id, filter: UnreadFilter(hamlet: "tân lập"))
        #expect(one.map(\.name) == Array(unread.map(\.name)[2...]))
        #expect(try await store.unread(notice: notice.id, filter: UnreadFilter(hamlet: "Nowhere")).isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func repliesAcknowledgeTheMatchingOrLatestOpenConvocation(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let first = try await store.createNotice(Sample.draft([.all], kind: .convocation, sendAt: Self.t0))
        let second = try await store.createNotice(
            Sample.draft([.all], kind: .convocation, sendAt: Self.t0.addingTimeInterval(60)))
        let at = Self.t0.addingTimeInterval(120)
        let coded = try await store.recordReply(
            channel: "sms", sender: "+84912345678", text: "XN \(first.shortCode)",
            reading: .acknowledgement(shortCode: first.shortCode), dedupeKey: "r1", at: at)
        #expect(coded.outcome == "acknowledged \(first.id)")
        let latest = try await store.recordReply(
            channel: "sms", sender: "+84912345678", text: "ok", reading: .acknowledgement(shortCode: nil),
            dedupeKey: "r2", at: at)
        #expect(latest.outcome == "acknowledged \(second.id)")
        let repeated = try await store.recordReply(
            channel: "sms", sender: "+84912345678", text: "ok", reading: .acknowledgement(shortCode: nil),
            dedupeKey: "r2", at: at)
        #expect(repeated == latest, "a repeated callback is the same reply")
        let none = try await store.recordReply(
            channel: "sms", sender: "+84912345678", text: "ok", reading: .acknowledgement(shortCode: nil),
            dedupeKey: "r3", at: at)
        #expect(none.outcome == "no open convocation")
        let chat = try await store.recordReply(
            channel: "sms", sender: "+84987654321", text: "Mấy giờ họp?", reading: .other, dedupeKey: "r4", at: at)
        #expect(chat.outcome == "no keyword")
        let stranger = try await store.recordReply(
            channel: "sms", sender: "+84399999999", text: "OK", reading: .acknowledgement(shortCode: nil),
            dedupeKey: "r5", at: at)
        #expect(stranger.outcome == "unknown sender")
        #expect(try await store.replies(limit: 10).count == 5)
        let report = try await store.report(notice: second.id, by: nil, reachTarget: 0.8)
        #expect(report.totals.acknowledged == 1 && report.totals.opened == 0 && report.totals.reached == 1)
    }

    @Test(arguments: StoreBackend.available)
    func manualAcknowledgementsAreAuditedAndClosedNoticesRefuseThem(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let notice = try await store.createNotice(Sample.draft([.all], kind: .convocation, sendAt: Self.t0))
        let phone = Sample.phone("0901234567")
        let first = try await store.acknowledge(notice: notice.id, phone: phone, via: "in-person", actor: "cli:lan", at: Self.t0)
        guard case .recorded = first else { Issue.record("expected recorded, got \(String(describing: first))"); return }
        let again = try await store.acknowledge(notice: notice.id, phone: phone, via: "phone-call", actor: "cli:lan", at: Self.t0)
        guard case .already = again else { Issue.record("expected already, got \(String(describing: again))"); return }
        #expect(try await store.acknowledge(notice: notice.id, phone: Sample.phone("0399999999"), via: "in-person", actor: "x", at: Self.t0) == nil)
        let audit = try await store.auditLog(limit: 5).filter { $0.action == "ack.manual" }
        #expect(audit.count == 1)
        #expect(audit.first?.actor == "cli:lan" && audit.first?.detail == "+84901234567 via in-person")
        let backlog = try await store.dispatchBacklog(now: Self.t0)
        #expect(backlog.due == 3, "a confirmed resident is not sent the notice any more")

        _ = try await store.cancelNotice(id: notice.id, actor: "cli:lan")
        let closed = try await store.acknowledge(notice: notice.id, phone: Sample.phone("0912345678"), via: "in-person", actor: "x", at: Self.t0)
        guard case .closed = closed else { Issue.record("expected closed, got \(String(describing: closed))"); return }
    }
}
