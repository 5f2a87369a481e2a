import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import Testing

/// Registered SMS templates (SPEC §4, gateways.md §13): filling, folding and the choice among them.
@Suite("SMS templates")
struct SMSTemplateTests {
    static let hop = "UBND {commune} moi ong/ba {name:20} du {title} luc {meeting_at} tai {place}. Xac nhan: {link}"
    static let thongBao = "UBND {commune} thong bao: {title}. Chi tiet: {link}"

    static func channel(
        _ templates: [(String, String)], fold: String = "auto", freeText: Bool = false, segments: Int = 10
    ) throws -> ChannelConfig {
        var text = "[commune]\nname = \"Xã Hải Lạng\"\n[limits]\nsms_segments = \(segments)\n"
        text += "[[channels]]\nname = \"sms\"\nkind = \"esms\"\napi_key = \"k\"\nsecret_key = \"s\"\nbrandname = \"UBNDHAILANG\"\n"
        text += "fold_diacritics = \"\(fold)\"\nfree_text = \(freeText)\n"
        for (name, body) in templates { text += "[[channels.templates]]\nname = \"\(name)\"\ntext = \"\(body)\"\n" }
        return try #require(try LoaConfiguration.parse(text, environment: [:]).channels.first)
    }

    static let meeting = Date(timeIntervalSince1970: 1_796_094_000)  // 2026-12-01 10:00 in Hà Nội

    static func message(
        name: String = "Trần Thị Bình", title: String = "Họp thôn", place: String? = "Nhà văn hóa thôn Đông",
        meetingAt: Date? = meeting
    ) -> OutboundMessage {
        OutboundMessage(
            messageID: 1, idempotencyKey: "K", noticeID: "N-7K3Q9A", shortCode: "7K3Q9A", kind: .convocation,
            title: title, body: "Kính mời bà con dự họp.", link: "https://loa.example.gov.vn/m/Zx81Qa",
            recipient: .init(name: name, phone: nil, hamlet: "Đông"), meetingAt: meetingAt, place: place)
    }

    @Test
    func literalTextIsKeptAndOnlyValuesAreFolded() throws {
        let channel = try Self.channel([("hop", Self.hop)], fold: "always")
        let rendering = try SMSComposer.rendering(for: Self.message(), channel: channel).get()
        #expect(rendering.template == "hop")
        #expect(rendering.body.text
            == "UBND Xa Hai Lang moi ong/ba Tran Thi Binh du Hop thon luc 10:00 01/12/2026 tai Nha van hoa thon Dong. "
                + "Xac nhan: https://loa.example.gov.vn/m/Zx81Qa")
        #expect(rendering.body.folded && !rendering.body.needsUnicode)
    }

    @Test
    func anAccentedRegisteredTextStaysAccentedEvenWhenValuesFold() throws {
        let channel = try Self.channel([("tb", "UBND xã thông báo: {title}")], fold: "always")
        let body = try SMSComposer.body(for: Self.message(title: "Cắt điện"), channel: channel)
        #expect(body.text == "UBND xã thông báo: Cat dien")
        #expect(body.needsUnicode)
    }

    @Test
    func autoKeepsAccentsWhenFoldingSavesNothing() throws {
        let channel = try Self.channel([("tb", Self.thongBao)])
        let body = try SMSComposer.body(for: Self.message(), channel: channel)
        // 83 characters: one GSM-7 part folded, two UCS-2 parts accented, so auto folds.
        #expect(body.text == "UBND Xa Hai Lang thong bao: Hop thon. Chi tiet: https://loa.example.gov.vn/m/Zx81Qa")
        let short = try Self.channel([("tb", "{title}")])
        #expect(try SMSComposer.body(for: Self.message(), channel: short).text == "Họp thôn")
    }

    @Test
    func meetingTimeMatchesTheZNSParameter() throws {
        let channel = try Self.channel([("t", "{meeting_at}")], fold: "never")
        #expect(try SMSComposer.body(for: Self.message(), channel: channel).text == "10:00 01/12/2026")
    }

    @Test
    func theFirstTemplateWhoseValuesExistIsChosen() throws {
        let channel = try Self.channel([("hop", Self.hop), ("thong-bao", Self.thongBao)])
        #expect(try SMSComposer.rendering(for: Self.message(), channel: channel).get().template == "hop")
        let withoutPlace = Self.message(place: nil)
        #expect(try SMSComposer.rendering(for: withoutPlace, channel: channel).get().template == "thong-bao")
    }

    @Test
    func aNameTooLongForItsSlotMovesToTheNextTemplate() throws {
        let channel = try Self.channel([("hop", Self.hop), ("thong-bao", Self.thongBao)])
        let long = Self.message(name: "Tôn Nữ Thị Hoàng Phương Thảo")
        #expect(try SMSComposer.rendering(for: long, channel: channel).get().template == "thong-bao")
    }

    @Test
    func aNameTooLongForEveryTemplateIsAPermanentErrorNamingSlotLengthAndLimit() throws {
        let channel = try Self.channel([("hop", Self.hop)])
        do {
            _ = try SMSComposer.body(for: Self.message(name: "Tôn Nữ Thị Hoàng Phương Thảo"), channel: channel)
            Issue.record("a 28-character name went into a 20-character slot")
        } catch {
            #expect(error.kind == .permanent)
            #expect(error.message == "channel sms: no registered template fits ('hop': {name:20} gets 28 characters, over its limit of 20)")
        }
    }

    @Test
    func freeTextChannelsFallBackToTheComposedText() throws {
        let channel = try Self.channel([("hop", Self.hop)], fold: "never", freeText: true)
        let rendering = try SMSComposer.rendering(for: Self.message(place: nil), channel: channel).get()
        #expect(rendering.template == nil)
        #expect(rendering.body.text == "Họp thôn: Kính mời bà con dự họp. https://loa.example.gov.vn/m/Zx81Qa")
    }

    @Test
    func aTemplateOverTheSegmentLimitIsSkipped() throws {
        let channel = try Self.channel([("dai", "{body} {body}"), ("tb", Self.thongBao)], segments: 1)
        var long = Self.message(title: "Họp")
        // 193 characters: two GSM-7 parts folded (three UCS-2 accented), over a one-part limit.
        long.body = String(repeating: "Kính mời bà con dự họp. ", count: 4)
        let refusal = SMSComposer.rendering(for: long, channel: try Self.channel([("dai", "{body} {body}")], segments: 1))
        guard case .failure(let problem) = refusal else {
            Issue.record("a two-part text passed a one-part limit")
            return
        }
        #expect(problem.mismatches.first?.mismatch == .tooManySegments(2, limit: 1))
        #expect(try SMSComposer.rendering(for: long, channel: channel).get().template == "tb")
    }

    @Test
    func missingValuesAreNamedForEveryTemplate() throws {
        let channel = try Self.channel([("hop", Self.hop), ("gio", "Hop luc {meeting_at}")])
        let notice = Self.message(place: nil, meetingAt: nil)
        guard case .failure(let refusal) = SMSComposer.rendering(for: notice, channel: channel) else {
            Issue.record("a template without values was chosen")
            return
        }
        #expect(refusal.description
            == "channel sms: no registered template fits ('hop': {meeting_at} has no value; 'gio': {meeting_at} has no value)")
    }

    @Test
    func aStandInResidentFillsEachSlotToItsRegisteredLength() throws {
        var values = SMSTemplateValues(values: [.title: "Họp"], residentStandIn: true)
        #expect(values.value(for: SMSSlot(.name, maxLength: 30)) == "Nguyễn Thị Phương Thảo NguyễnX")
        #expect(values.value(for: SMSSlot(.hamlet, maxLength: 10)) == "Thôn Thống")
        #expect(values.value(for: SMSSlot(.name)) == SMSTemplateValues.nameStandIn)
        values.residentStandIn = false
        #expect(values.value(for: SMSSlot(.name)) == nil)
    }
}
