extension DashboardText {
    /// Words of door-to-door follow-up, replies and channels.
    static let followUp = (
        vi: followUpVI.merging(replies.vi) { first, _ in first }.merging(channelsPage.vi) { first, _ in first },
        en: followUpEN.merging(replies.en) { first, _ in first }.merging(channelsPage.en) { first, _ in first }
    )

    private static let followUpVI: [String: String] = [
        "fu.title": "Theo dõi tận nhà", "fu.pick": "Chọn thôn", "fu.show": "Xem danh sách",
        "fu.intro": "Những người dưới đây chưa đọc giấy mời họp. Hãy gọi điện hoặc đến tận nhà báo tin, rồi bấm nút tương ứng.",
        "fu.none": "Hiện không có giấy mời họp nào đang mở.", "fu.left": "còn", "fu.people": "người",
        "fu.done.all": "Đã báo hết mọi người trong thôn cho cuộc họp này.", "fu.meeting": "Họp lúc", "fu.place": "Tại",
        "fu.inperson": "Đã báo trực tiếp", "fu.phonecall": "Đã gọi điện báo", "fu.call": "Gọi",
        "fu.nophone": "Không có số điện thoại", "fu.state": "Tình trạng", "fu.error": "Lỗi",
        "fu.sheet": "In danh sách giấy (đánh dấu trên giấy rồi nhập lại tại đây)", "fu.recorded": "Đã ghi nhận.",
        "fu.badvia": "Cách báo tin không hợp lệ: chỉ nhận “trực tiếp” hoặc “gọi điện”. Không có gì thay đổi.",
        "fu.badphone": "Số điện thoại của người dân không hợp lệ. Không có gì thay đổi.",
        "fu.notopen": "Giấy mời này không còn mở (đã hủy, đã hết hạn hoặc không cần xác nhận). Không có gì thay đổi.",
        "fu.nottargeted": "Người này không nằm trong danh sách nhận giấy mời này. Không có gì thay đổi.",
        "fu.closed": "Tin nhắn của người này đã bị hủy hoặc hết hạn nên không ghi nhận được. Không có gì thay đổi.",
        "fu.nothamlet": "Bạn chỉ được theo dõi người dân thuộc thôn của mình.",
        "fu.back": "Quay lại danh sách",
        "state.queued": "Đang chờ gửi", "state.sending": "Đang gửi", "state.accepted": "Nhà mạng đã nhận",
        "state.delivered": "Đã đến máy, chưa mở", "state.opened": "Đã mở", "state.acknowledged": "Đã xác nhận",
        "state.failed": "Gửi không được", "state.expired": "Hết hạn", "state.cancelled": "Đã hủy",
        "err.zalo": "Không dùng Zalo", "err.number": "Số điện thoại không đúng", "err.network": "Lỗi kết nối, đang thử lại",
        "err.quota": "Hết lượt gửi trong ngày", "err.slow": "Nhà mạng yêu cầu gửi chậm lại", "err.undelivered": "Tin không đến được máy",
        "err.config": "Lỗi cấu hình kênh gửi (báo văn phòng UBND)", "err.other": "Gửi không thành công",
    ]

    private static let followUpEN: [String: String] = [
        "fu.title": "Door to door", "fu.pick": "Choose a hamlet", "fu.show": "Show the list",
        "fu.intro": "These residents have not read the convocation. Call them or visit them, then tap the matching button.",
        "fu.none": "No convocation is open now.", "fu.left": "", "fu.people": "left",
        "fu.done.all": "Everyone in the hamlet has been reached for this meeting.", "fu.meeting": "Meeting at", "fu.place": "At",
        "fu.inperson": "Informed in person", "fu.phonecall": "Informed by phone call", "fu.call": "Call",
        "fu.nophone": "No phone number", "fu.state": "State", "fu.error": "Error",
        "fu.sheet": "Print a paper list (tick on paper, enter it here later)", "fu.recorded": "Recorded.",
        "fu.badvia": "Unknown way of informing: only in person or phone call. Nothing changed.",
        "fu.badphone": "The resident's phone number is not valid. Nothing changed.",
        "fu.notopen": "This convocation is no longer open (cancelled, expired or needs no acknowledgement). Nothing changed.",
        "fu.nottargeted": "This resident was not sent this convocation. Nothing changed.",
        "fu.closed": "This resident's message was cancelled or expired, so it cannot be acknowledged. Nothing changed.",
        "fu.nothamlet": "You may follow up only the residents of your own hamlet.",
        "fu.back": "Back to the list",
        "state.queued": "Waiting to send", "state.sending": "Sending", "state.accepted": "Taken by the gateway",
        "state.delivered": "Delivered, not opened", "state.opened": "Opened", "state.acknowledged": "Acknowledged",
        "state.failed": "Failed", "state.expired": "Expired", "state.cancelled": "Cancelled",
        "err.zalo": "Not on Zalo", "err.number": "Wrong phone number", "err.network": "Connection error, retrying",
        "err.quota": "Daily sending quota used up", "err.slow": "The gateway asked to slow down", "err.undelivered": "Not delivered to the phone",
        "err.config": "Channel configuration error (tell the commune office)", "err.other": "Sending failed",
    ]
}
