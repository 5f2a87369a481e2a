extension DashboardText {
    /// Words of the notice pages, lists, forms, the audit log and the public landing page as templates.
    static let pages = (vi: pagesVI, en: pagesEN)

    private static let pagesVI: [String: String] = [
        "progress": "Tiến độ gửi", "progress.updated": "cập nhật lúc", "progress.pending": "đang chờ xử lý",
        "progress.refresh": "Trang tự cập nhật mỗi 5 giây cho đến khi gửi xong.", "progress.done": "đã xong",
        "progress.queued": "Đang chờ", "progress.sending": "Đang gửi", "progress.accepted": "Tổng đài đã nhận", "progress.delivered": "Đã nhận",
        "progress.opened": "Đã mở", "progress.acknowledged": "Đã xác nhận", "progress.failed": "Thất bại", "progress.expired": "Hết hạn",
        "progress.cancelled": "Đã hủy", "progress.count": "Số tin",
        "audit.actor": "Người thực hiện", "audit.action": "Thao tác", "audit.newer": "← Mới hơn", "audit.older": "Cũ hơn →",
        "audit.page": "Trang", "audit.none": "Không có mục nào khớp bộ lọc.", "audit.entries": "mục",
        "links": "Danh sách và tệp tải về", "error.reference": "Đã xảy ra lỗi",
        "landing.about": "Loa là hệ thống gửi thông báo và giấy mời họp của {commune} tới người dân qua Zalo và tin nhắn SMS.",
        "landing.residents": "Người dân nhận thông báo qua đường liên kết riêng trong tin nhắn; không cần đăng nhập.",
        "landing.signin": "Cán bộ đăng nhập",
        "landing.code": "Zalo đã cấp mã ủy quyền cho OA. Trong vòng 10 phút, cán bộ quản trị chạy lệnh sau (thay KÊNH bằng tên kênh Zalo):",
    ]

    private static let pagesEN: [String: String] = [
        "progress": "Sending progress", "progress.updated": "updated at", "progress.pending": "still pending",
        "progress.refresh": "This page refreshes itself every 5 seconds until sending is over.", "progress.done": "done",
        "progress.queued": "Queued", "progress.sending": "Sending", "progress.accepted": "Taken by the gateway", "progress.delivered": "Delivered",
        "progress.opened": "Opened", "progress.acknowledged": "Acknowledged", "progress.failed": "Failed", "progress.expired": "Expired",
        "progress.cancelled": "Cancelled", "progress.count": "Messages",
        "audit.actor": "Who", "audit.action": "Action", "audit.newer": "← Newer", "audit.older": "Older →",
        "audit.page": "Page", "audit.none": "No entry matches the filter.", "audit.entries": "entries",
        "links": "Lists and downloads", "error.reference": "Something went wrong",
        "landing.about": "Loa sends {commune}'s notices and meeting invitations to residents over Zalo and SMS.",
        "landing.residents": "Residents read each notice through the personal link in their message; they never sign in.",
        "landing.signin": "Staff sign-in",
        "landing.code": "Zalo issued an authorisation code for the OA. Within 10 minutes, the administrator runs (KÊNH is the Zalo channel's name):",
    ]
}
