extension DashboardText {
    /// Words of the channels page (merged into ``followUp``).
    static let channelsPage = (vi: channelsVI, en: channelsEN)

    private static let channelsVI: [String: String] = [
        "ch.intro": "Các kênh gửi tin đã cấu hình: tình trạng, mã Zalo, hạn mức còn lại và địa chỉ cần đăng ký với nhà cung cấp.",
        "ch.none": "Chưa cấu hình kênh nào (thêm [[channels]] vào loa.toml).", "ch.kind": "Loại", "ch.rate": "Tốc độ",
        "ch.order": "Thứ tự dự phòng", "ch.health": "Tình trạng", "ch.token": "Mã truy cập Zalo", "ch.quota": "Hạn mức ZNS hôm nay",
        "ch.urls": "Địa chỉ gọi lại cần đăng ký", "ch.status.url": "Báo trạng thái", "ch.inbound.url": "Tin nhắn đến",
        "ch.zalo.url": "Một địa chỉ webhook cho ứng dụng Zalo", "ch.shared": "dùng chung với", "ch.show": "Hiện đầy đủ bí mật",
        "ch.hide": "Che bí mật", "ch.nourls": "Chưa có địa chỉ: đặt [server] hook_secret và public_url trong loa.toml.",
        "ch.check": "Kiểm tra", "ch.check.help": "Hỏi từng nhà cung cấp (không gửi tin cho người dân): mã truy cập, số dư, mẫu tin, địa chỉ gọi lại.",
        "ch.findings": "Kết quả kiểm tra", "ch.check.item": "Mục", "ch.check.status": "Kết quả", "ch.check.detail": "Chi tiết",
        "ch.test": "Gửi thử", "ch.test.help": "Gửi một tin ngắn tới số điện thoại của chính bạn qua kênh này.",
        "ch.test.phone": "Số điện thoại nhận tin thử", "ch.test.text": "Loa – tin thử từ UBND qua kênh",
        "ch.test.sent": "Đã gửi tin thử qua kênh", "ch.test.to": "tới", "ch.test.failed": "Gửi thử không được qua kênh",
        "ch.test.badphone": "Số điện thoại nhận tin thử không hợp lệ. Không có gì được gửi.", "ch.unknown": "Không có kênh này.",
        "ch.ok": "tốt", "ch.warning": "cần chú ý", "ch.failed": "lỗi", "ch.skipped": "bỏ qua",
        "ch.token.expires": "hết hạn lúc", "ch.token.refreshed": "làm mới lúc", "ch.token.failure": "làm mới thất bại:",
        "ch.token.configured": "dùng mã trong loa.toml (chưa làm mới)", "ch.token.missing": "chưa có mã truy cập",
        "ch.quota.left": "còn", "ch.quota.of": "trên", "ch.quota.out": "đã hết, mở lại lúc", "ch.quota.unknown": "chưa biết (loa run chưa gửi qua kênh này)",
    ]

    private static let channelsEN: [String: String] = [
        "ch.intro": "The configured channels: health, Zalo token, quota left and the addresses to register with each gateway.",
        "ch.none": "No channel configured (add [[channels]] to loa.toml).", "ch.kind": "Kind", "ch.rate": "Rate",
        "ch.order": "Fallback order", "ch.health": "Health", "ch.token": "Zalo token", "ch.quota": "ZNS quota today",
        "ch.urls": "Callback URLs to register", "ch.status.url": "Status", "ch.inbound.url": "Inbound",
        "ch.zalo.url": "One webhook URL for the Zalo app", "ch.shared": "shared with", "ch.show": "Show secrets",
        "ch.hide": "Mask secrets", "ch.nourls": "No URLs yet: set [server] hook_secret and public_url in loa.toml.",
        "ch.check": "Check", "ch.check.help": "Asks each gateway (nothing is sent to residents): credentials, balance, templates, callbacks.",
        "ch.findings": "Findings", "ch.check.item": "Check", "ch.check.status": "Status", "ch.check.detail": "Detail",
        "ch.test": "Test send", "ch.test.help": "Sends a short text to your own phone through this channel.",
        "ch.test.phone": "Phone to receive the test", "ch.test.text": "Loa – test message from the commune office via",
        "ch.test.sent": "Test text sent through", "ch.test.to": "to", "ch.test.failed": "The test send failed through",
        "ch.test.badphone": "The phone for the test is not valid. Nothing was sent.", "ch.unknown": "No such channel.",
        "ch.ok": "ok", "ch.warning": "warning", "ch.failed": "failed", "ch.skipped": "skipped",
        "ch.token.expires": "expires", "ch.token.refreshed": "refreshed", "ch.token.failure": "refresh failed:",
        "ch.token.configured": "token from loa.toml (not yet refreshed)", "ch.token.missing": "no access token yet",
        "ch.quota.left": "", "ch.quota.of": "of", "ch.quota.out": "used up, renews", "ch.quota.unknown": "not known yet (loa run has not sent on this channel)",
    ]
}
