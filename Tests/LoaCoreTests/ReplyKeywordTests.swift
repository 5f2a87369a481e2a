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
