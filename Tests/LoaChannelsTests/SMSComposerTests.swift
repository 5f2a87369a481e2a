import LoaChannels
import LoaConfig
import LoaCore
import Testing

@Suite("SMS composer")
struct SMSComposerTests {
    static func message(title: String, body: String, link: String? = nil) -> OutboundMessage {
        OutboundMessage(
            messageID: 1, idempotencyKey: "K", noticeID: "N1", shortCode: "S", kind: .notice, title: title, body: body,
            link: link, recipient: .init(name: "A", phone: nil))
    }

    @Test
    func titleBodyAndLinkInOrder() {
        let text = SMSComposer.text(for: Self.message(title: "Họp", body: "19:30", link: "https://l.vn/m/x"))
        #expect(text == "Họp: 19:30 https://l.vn/m/x")
        #expect(SMSComposer.text(for: Self.message(title: "Họp", body: "19:30", link: "")) == "Họp: 19:30")
    }

    @Test
    func decomposedInputIsSentAndCountedInNFC() {
        let decomposed = "Ho\u{0323}p tho\u{0302}n"  // "Họp thôn" typed with combining marks
        let body = SMSComposer.body(for: Self.message(title: decomposed, body: "x"), folding: .never)
        #expect(body.text == "Họp thôn: x")
        #expect(body.info.units == 11)
    }

    @Test(arguments: DiacriticFolding.allCases)
    func aShortMessageFitsOnePartUnderEveryPolicy(_ folding: DiacriticFolding) {
        let body = SMSComposer.body(for: Self.message(title: "Họp thôn", body: "x"), folding: folding)
        // One UCS-2 part either way, so `auto` keeps the accents; only `always` folds.
        #expect(body.text == (folding == .always ? "Hop thon: x" : "Họp thôn: x"))
        #expect(body.needsUnicode == (folding != .always))
        #expect(body.info.segments == 1)
    }

    @Test
    func autoFoldsWhenAccentsCostMoreSegments() {
        let long = String(repeating: "Thông báo họp thôn. ", count: 5)  // 100 characters: 2 UCS-2 parts, 1 GSM part
        let body = SMSComposer.body(text: long, folding: .auto)
        #expect(body.folded)
        #expect(!body.needsUnicode)
        #expect(body.info.segments == 1)
    }
}
