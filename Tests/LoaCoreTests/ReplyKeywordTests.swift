import LoaCore
import Testing

/// SPEC §5: OK, XN, XAC NHAN, CO, DA NHAN or 1, accent- and case-insensitive, optionally followed by
/// the notice's short code.
@Suite("Reply keywords")
struct ReplyKeywordTests {
    @Test(arguments: [
        ("OK", nil), ("ok", nil), (" Ok. ", nil), ("XN", nil), ("xn", nil), ("Xác nhận", nil), ("XÁC NHẬN", nil),
        ("xac nhan", nil), ("Xa\u{301}c nha\u{323}\u{302}n", nil), ("Có", nil), ("co", nil), ("Đã nhận", nil),
        ("da nhan", nil), ("DA NHAN!", nil), ("1", nil), ("OK K7QX2M", "K7QX2M"), ("xn k7qx2m", "K7QX2M"),
        ("Xác nhận, K7QX2M", "K7QX2M"), ("đã nhận HZJW1G", "HZJW1G"), ("1 ab12cd", "AB12CD"),
    ] as [(String, String?)])
    func acknowledgements(text: String, code: String?) {
        #expect(ReplyKeyword.read(text) == .acknowledgement(shortCode: code), "\(text)")
    }

    @Test(arguments: [
        "", "okay", "không", "Không đi được", "Mấy giờ họp?", "OK nhưng đến muộn", "cố gắng", "12", "xnn", "OK K7QX2M thêm", "co thuong", "OK K7QX",
        "nhận", "đã", "co le",
    ])
    func everythingElseIsKeptAsAReply(text: String) {
        #expect(ReplyKeyword.read(text) == .other, "\(text)")
    }
}

/// SPEC §5: a GET by a person opens; HEAD and link-preview fetchers never do.
@Suite("Link visitors")
struct LinkVisitorTests {
    @Test(arguments: [
        "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; U; Android 8.1.0; vi-vn; Redmi 6A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/71.0 Mobile Safari/537.36",
    ])
    func peopleOpen(agent: String) {
        #expect(LinkVisitor.isHumanOpen(method: "GET", userAgent: agent))
        #expect(!LinkVisitor.isHumanOpen(method: "HEAD", userAgent: agent))
    }

    @Test(arguments: [
        "facebookexternalhit/1.1", "Zalo", "ZaloLinkPreview/1.0", "Twitterbot/1.0", "Slackbot-LinkExpanding 1.0",
        "WhatsApp/2.23.20.0 A", "TelegramBot (like TwitterBot)", "Viber/20.0", "SkypeUriPreview Preview/0.5",
        "Mozilla/5.0 (compatible; Googlebot/2.1)", "Google-PageRenderer Google (+https://developers.google.com/+/web/snippet/)",
        "Discordbot/2.0", "LinkedInBot/1.0", "curl/7.88.1", "python-requests/2.31", "",
    ])
    func machinesNeverOpen(agent: String) {
        #expect(!LinkVisitor.isHumanOpen(method: "GET", userAgent: agent))
    }
}

/// Logs never show a whole phone number.
@Suite("Phone masking")
struct PhoneMaskingTests {
    @Test(arguments: [
        ("sent to +84912345678 ok", "sent to +849*****678 ok"), ("0912345678", "0912***678"),
        ("84901234567,84987654321", "8490****567,8498****321"), ("id 12345678 and 2026-11-29", "id 12345678 and 2026-11-29"),
        ("Nguyễn Văn An 0356789012", "Nguyễn Văn An 0356***012"),
    ])
    func masks(text: String, expected: String) {
        #expect(text.maskingPhoneNumbers == expected)
    }
}
