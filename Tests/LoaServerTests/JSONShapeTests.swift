import Foundation
import LoaCore
import LoaStore
@testable import LoaServer
import Testing

/// SPEC §3: every JSON object keeps its keys; a field with no value is `null`, never missing.
@Suite("JSON shapes keep their keys")
struct JSONShapeTests {
    /// One output type with every optional nil, the keys it must carry, and which of them are null.
    struct Shape: Sendable, CustomTestStringConvertible {
        let name: String
        let value: any Encodable & Sendable
        let keys: [String]
        let nulls: Set<String>
        var testDescription: String { name }
    }

    static func keys<Key: CodingKey & CaseIterable>(_: Key.Type) -> [String] {
        Key.allCases.map(\.stringValue)
    }

    static let bareNotice: Notice = {
        let draft = NoticeDraft(
            kind: .notice, title: "Thông báo", body: "Lịch tiêm phòng", audience: [.all],
            channels: try! ChannelPolicy(["sms"]), sendAt: Date(timeIntervalSince1970: 1_800_000_000))
        return Notice(id: "N-ABCDE", draft: draft, status: .active, createdAt: Date(timeIntervalSince1970: 1_800_000_000), messageCount: 3)
    }()

    static let shapes: [Shape] = [
        Shape(
            name: "notice", value: NoticeJSON(bareNotice, zone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!),
            keys: keys(NoticeJSON.CodingKeys.self),
            nulls: ["expires", "meeting", "place", "states", "cancelled_messages"]),
        Shape(
            name: "report", value: ReportJSON(ReachReport(notice: "N-ABCDE", totals: ReachCounts(), reachTarget: 0.8, smsSegments: 0)),
            keys: keys(ReportJSON.CodingKeys.self), nulls: ["grouped_by", "by"]),
        Shape(
            name: "report row",
            value: ReportJSON.Row(
                key: "Thông Nhất", targeted: 1, unreachable: 0, accepted: 1, delivered: 1, opened: 0, acknowledged: 0,
                failed: 0, reached: 0, reach: 0),
            keys: ["key", "targeted", "unreachable", "accepted", "delivered", "opened", "acknowledged", "failed", "reached", "reach"],
            nulls: []),
        Shape(
            name: "unread row",
            value: UnreadOutput.Row(resident: 7, name: "Lê Văn Cường", phone: nil, hamlet: nil, state: "queued", lastError: nil),
            keys: keys(UnreadOutput.Row.CodingKeys.self), nulls: ["phone", "hamlet", "last_error"]),
        Shape(
            name: "resident",
            value: ResidentJSON(Resident(id: 7, name: "Lê Văn Cường", phone: nil, zaloID: nil, hamlet: nil, groups: [])),
            keys: keys(ResidentJSON.CodingKeys.self), nulls: ["phone", "zalo", "hamlet"]),
        Shape(
            name: "import answer", value: ImportReport(counts: ImportCounts(), rejected: [], dryRun: false),
            keys: keys(ImportReport.CodingKeys.self), nulls: []),
        Shape(
            name: "preview channel without a price",
            value: NoticePreview.ChannelCost(
                name: "sms", kind: "esms", foldDiacritics: "auto", sends: "folded", segments: 1, pricePerSegment: nil,
                perResident: nil, audience: nil, template: nil, text: "Hop thon: 19:30 tai nha van hoa", refusal: nil),
            keys: keys(NoticePreview.ChannelCost.CodingKeys.self),
            nulls: ["price_per_segment", "per_resident", "audience", "template", "refusal"]),
        Shape(
            name: "audit entry",
            value: APIHandlers.AuditJSON(at: "2026-12-02T08:00:00+07:00", actor: "cli", action: "token.create", subject: "admin", detail: nil),
            keys: ["at", "actor", "action", "subject", "detail"], nulls: ["detail"]),
    ]

    @Test(arguments: shapes)
    func everyKeyIsPresentAndNilIsNull(_ shape: Shape) throws {
        let data = try JSONEncoder().encode(shape.value)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(shape.keys))
        for key in shape.keys {
            #expect((object[key] is NSNull) == shape.nulls.contains(key), "\(shape.name).\(key) = \(object[key] ?? "missing")")
        }
    }

    @Test
    func aPresentValueIsWrittenAsItself() throws {
        let row = UnreadOutput.Row(resident: 1, name: "An", phone: "0912345678", hamlet: nil, state: "failed", lastError: "-118")
        let data = try JSONEncoder().encode(row)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["phone"] as? String == "0912345678")
        #expect(object["last_error"] as? String == "-118")
        #expect(object["hamlet"] is NSNull)
    }
}
