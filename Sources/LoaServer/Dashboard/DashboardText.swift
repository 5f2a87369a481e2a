/// The dashboard's words in Vietnamese (default) and English (`?lang=en`). Each area of the
/// dashboard keeps its own table (`DashboardText+Area.swift`); all are merged here.
struct DashboardText: Sendable {
    let english: Bool

    subscript(_ key: String) -> String {
        (english ? Self.en[key] : Self.vi[key]) ?? key
    }

    /// Every word of the language, for templates: `{{t.key}}`, a key's dots written as `_`
    /// (Mustache reads a dot as a step into a child).
    var words: [String: String] {
        Self.templateWords[english ? 1 : 0]
    }

    static let vi = merged([core.vi, accounts.vi, residents.vi, followUp.vi, pages.vi, residentImport.vi])
    static let en = merged([core.en, accounts.en, residents.en, followUp.en, pages.en, residentImport.en])
    private static let templateWords = [vi, en].map { table in
        Dictionary(uniqueKeysWithValues: table.map { ($0.key.replacingOccurrences(of: ".", with: "_"), $0.value) })
    }

    private static func merged(_ tables: [[String: String]]) -> [String: String] {
        tables.reduce(into: [:]) { result, table in result.merge(table) { first, _ in first } }
    }

    static let core = (vi: coreVI, en: coreEN)

    private static let coreVI: [String: String] = [
        "title": "Loa – bảng điều khiển", "login": "Đăng nhập", "token": "Mã truy cập (token)",
        "quota.exhausted": "đã hết hạn mức gửi ZNS trong ngày; tin thường chờ đến", "quota.urgent": "tin khẩn chuyển sang kênh sau",
        "login.help": "Dán mã truy cập do văn phòng UBND cấp (lệnh loa token create).", "login.bad": "Mã truy cập không đúng, đã hết hạn hoặc đã bị thu hồi.",
        "login.forged": "Yêu cầu đăng nhập này không gửi từ trang đăng nhập của Loa. Hãy mở lại trang đăng nhập và thử lại.",
        "logout": "Đăng xuất", "notices": "Thông báo", "new": "Tạo thông báo mới", "id": "Mã", "kind": "Loại",
        "sent": "Gửi lúc", "targeted": "Đối tượng", "delivered": "Đã nhận", "opened": "Đã mở", "acknowledged": "Đã xác nhận",
        "reached": "Tiếp cận", "reach": "Tỷ lệ tiếp cận", "status": "Trạng thái", "failed": "Thất bại", "unreachable": "Không liên lạc được",
        "target": "mục tiêu", "by.hamlet": "Theo thôn", "by.group": "Theo nhóm", "by.channel": "Theo kênh",
        "timeline": "Diễn biến theo thời gian", "unread": "Danh sách chưa đọc", "unread.notacked": "Chưa xác nhận",
        "csv": "Tải CSV", "sheet": "Phiếu in theo thôn", "cancel": "Hủy thông báo", "hamlet": "Thôn", "name": "Họ tên",
        "phone": "Số điện thoại", "state": "Tình trạng", "error": "Lỗi gần nhất", "filter": "Lọc", "all": "Tất cả",
        "body": "Nội dung", "to": "Gửi tới", "at": "Thời gian gửi", "meeting": "Thời gian họp", "place": "Địa điểm",
        "channels": "Kênh", "remind": "Nhắc trước", "priority": "Ưu tiên", "preview": "Xem trước tin SMS", "create": "Gửi",
        "segments": "tin nhắn SMS", "accented": "Có dấu", "folded": "Không dấu", "cost": "Chi phí ước tính", "saved": "tiết kiệm",
        "forbidden": "Mã truy cập này không được phép làm việc này.", "notfound": "Không tìm thấy.", "visited": "Đã báo",
        "signature": "Ký xác nhận", "residents": "người", "none": "Chưa có thông báo nào.", "sheet.intro": "Danh sách hộ cần đến tận nhà báo tin",
        "convocation": "Giấy mời họp", "notice": "Thông báo", "alert": "Cảnh báo", "active": "Đang gửi", "cancelled": "Đã hủy",
        "lang": "English", "preview.note": "Xem trước: chưa có gì được lưu hay gửi đi.", "rows": "dòng",
        "template": "Mẫu tin đăng ký", "freetext": "Tin tự do (không theo mẫu)", "nofit": "Không mẫu tin nào phù hợp",
        "nav.residents": "Cư dân", "nav.followup": "Theo dõi tận nhà", "nav.replies": "Tin trả lời", "nav.channels": "Kênh gửi",
        "nav.accounts": "Tài khoản", "role.admin": "quản trị", "role.sender": "người gửi", "role.auditor": "kiểm tra",
        "role.volunteer": "tình nguyện viên",
        "audit": "Nhật ký thay đổi", "when": "Thời điểm", "who": "Người thực hiện", "action": "Thao tác", "subject": "Đối tượng", "detail": "Chi tiết",
    ]

    private static let coreEN: [String: String] = [
        "title": "Loa – dashboard", "login": "Sign in", "token": "Access token",
        "quota.exhausted": "daily ZNS quota used up; normal notices wait until", "quota.urgent": "urgent ones take the next channel",
        "login.help": "Paste the token the commune office gave you (loa token create).", "login.bad": "Unknown, expired or revoked token.",
        "login.forged": "This sign-in was not sent from Loa's sign-in page. Open the sign-in page again and retry.",
        "logout": "Sign out", "notices": "Notices", "new": "New notice", "id": "Id", "kind": "Kind", "sent": "Sent at",
        "targeted": "Targeted", "delivered": "Delivered", "opened": "Opened", "acknowledged": "Acknowledged", "reached": "Reached",
        "reach": "Reach", "status": "Status", "failed": "Failed", "unreachable": "Unreachable", "target": "target",
        "by.hamlet": "By hamlet", "by.group": "By group", "by.channel": "By channel", "timeline": "Over time",
        "unread": "Not reached", "unread.notacked": "Not acknowledged", "csv": "Download CSV", "sheet": "Printable sheet per hamlet",
        "cancel": "Cancel notice", "hamlet": "Hamlet", "name": "Name", "phone": "Phone", "state": "State", "error": "Last error",
        "filter": "Filter", "all": "All", "body": "Text", "to": "To", "at": "Send at", "meeting": "Meeting", "place": "Place",
        "channels": "Channels", "remind": "Remind before", "priority": "Priority", "preview": "Preview SMS", "create": "Send",
        "segments": "SMS segments", "accented": "Accented", "folded": "Unaccented", "cost": "Estimated cost", "saved": "saved",
        "forbidden": "This token may not do that.", "notfound": "Not found.", "visited": "Visited", "signature": "Signature",
        "residents": "residents", "none": "No notices yet.", "sheet.intro": "Households to visit in person",
        "convocation": "Convocation", "notice": "Notice", "alert": "Alert", "active": "Active", "cancelled": "Cancelled",
        "lang": "Tiếng Việt", "preview.note": "Preview: nothing was stored or sent.", "rows": "rows",
        "template": "Registered template", "freetext": "Free text (no template)", "nofit": "No registered template fits",
        "nav.residents": "Residents", "nav.followup": "Door to door", "nav.replies": "Replies", "nav.channels": "Channels",
        "nav.accounts": "Accounts", "role.admin": "admin", "role.sender": "sender", "role.auditor": "auditor",
        "role.volunteer": "volunteer",
        "audit": "Audit log", "when": "When", "who": "Who", "action": "Action", "subject": "Subject", "detail": "Detail",
    ]
}
