/// A resident list as Excel in a Vietnamese locale exports it ("CSV UTF-8"): BOM, `;`, CRLF, some
/// text in NFD (as typed on some Windows keyboards), phones in every common form and some mistakes.
///
/// Kept as Swift source rather than a `.csv` resource so the main package needs no resource rules.
/// The expected outcome of each line is in ``expectations``.
enum MessyExcelFixture {
    static let lines: [String] = [
        /* 1 */ "\u{FEFF}Họ và tên;Số điện thoại;Tho\u{0302}n;Nhóm;Zalo;Ghi chú",
        /* 2 */ "Nguyễn Văn An;0912 345 678;Thông Nhất;Hội Nông dân;;",
        /* 3 */ "Tra\u{0302}\u{0300}n Thi\u{0323} Bi\u{0300}nh;'0983.456.789;Tho\u{0302}ng Nha\u{0302}\u{0301}t;Hội Phụ nữ, Đoàn Thanh niên;1234567890123456789;",
        /* 4 */ "Lê Văn Cường;912345679;Đoàn Kết;;;",
        /* 5 */ "",
        /* 6 */ "Phạm Thị Dung;+84-35-123-4567;Đoàn Kết;\"Hội Nông dân;Chi hội 3\";;",
        /* 7 */ "Hoàng Văn Em;(+84) 912 345 678;Tân Lập;;;",
        /* 8 */ "Vũ Thị Phương;0212345678;Tân Lập;;;",
        /* 9 */ ";0987 654 321;Tân Lập;;;",
        /* 10 */ "Đặng Văn Giang;0084 70 123 4567;Hòa Bình;Đoàn Thanh niên | đoàn thanh niên;;",
        /* 11 */ ";;;;;",
        /* 12 */ "Bùi Thị Hoa;01662345678;Hòa Bình;;;",
        /* 13 */ "Ngô Văn Ích;\"0905 111 222\";\"Thôn \"\"Mới\"\"\";;;\"có dấu ; chấm phẩy\"",
        /* 14 */ "Đỗ Thị Kim;０９７８ １２３ ４５６;Tân Lập;;1.23457E+18;",
        /* 15 */ "  Lý   Văn Long ;\u{00A0}0978 123 456\u{00A0};  Tân  Lập ;;;",
        /* 16 */ "Mai Văn Minh;0938 000 111;Hòa Bình;;;\"dòng 1",
        /* 17 */ "dòng 2\"",
        /* 18 */ "Tạ Thị Nga;không có;Hòa Bình;;;",
        /* 19 */ "Trịnh Văn Oanh;0212 3456 789",
    ]

    /// The file's bytes: CRLF after every line except the last.
    static var bytes: [UInt8] { Array(lines.joined(separator: "\r\n").utf8) }

    enum Outcome: Sendable {
        case accepted(phone: String, name: String, hamlet: String?, groups: [String], zalo: String?)
        case rejected(reason: String)
    }

    /// Every record by its starting line; lines 1, 5, 11 and 17 produce nothing.
    static let expectations: [(line: Int, outcome: Outcome)] = [
        (2, .accepted(phone: "+84912345678", name: "Nguyễn Văn An", hamlet: "Thông Nhất", groups: ["Hội Nông dân"], zalo: nil)),
        (3, .accepted(phone: "+84983456789", name: "Trần Thị Bình", hamlet: "Thông Nhất",
                      groups: ["Hội Phụ nữ", "Đoàn Thanh niên"], zalo: "1234567890123456789")),
        (4, .accepted(phone: "+84912345679", name: "Lê Văn Cường", hamlet: "Đoàn Kết", groups: [], zalo: nil)),
        (6, .accepted(phone: "+84351234567", name: "Phạm Thị Dung", hamlet: "Đoàn Kết",
                      groups: ["Hội Nông dân", "Chi hội 3"], zalo: nil)),
        (7, .rejected(reason: "duplicate phone +84912345678, first on line 2")),
        (8, .rejected(reason: "prefix 021 is not a mobile prefix")),
        (9, .rejected(reason: "missing name")),
        (10, .accepted(phone: "+84701234567", name: "Đặng Văn Giang", hamlet: "Hòa Bình", groups: ["Đoàn Thanh niên"],
                       zalo: nil)),
        (12, .rejected(reason: "0166 became 036, so this is probably 0362345678")),
        (13, .accepted(phone: "+84905111222", name: "Ngô Văn Ích", hamlet: "Thôn \"Mới\"", groups: [], zalo: nil)),
        (14, .rejected(reason: "was turned into a number by Excel")),
        (15, .accepted(phone: "+84978123456", name: "Lý Văn Long", hamlet: "Tân Lập", groups: [], zalo: nil)),
        (16, .accepted(phone: "+84938000111", name: "Mai Văn Minh", hamlet: "Hòa Bình", groups: [], zalo: nil)),
        (18, .rejected(reason: "‘không có’ is not a phone number: contains letters")),
        (19, .rejected(reason: "landline")),
    ]
}
