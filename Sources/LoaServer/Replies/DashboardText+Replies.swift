extension DashboardText {
    /// Words of the replies page (merged into ``followUp``).
    static let replies = (vi: repliesVI, en: repliesEN)

    private static let repliesVI: [String: String] = [
        "rp.intro": "Tin người dân nhắn lại mà Loa chưa hiểu là xác nhận. Gắn tin vào một thông báo (tính là đã xác nhận) hoặc bỏ qua.",
        "rp.none": "Không còn tin trả lời nào chờ xử lý.", "rp.handled": "Đã xử lý", "rp.from": "Từ", "rp.received": "Nhận lúc",
        "rp.channel": "Kênh", "rp.unknown": "Người gửi không có trong danh sách cư dân", "rp.attach": "Gắn vào thông báo",
        "rp.attach.button": "Gắn và xác nhận", "rp.dismiss": "Bỏ qua", "rp.notargets": "Người này chưa được gửi thông báo nào.",
        "rp.attached": "Đã gắn vào", "rp.dismissed": "Đã bỏ qua", "rp.by": "bởi", "rp.what": "Loa hiểu là",
        "rp.outcome.unknown_sender": "Không rõ người gửi", "rp.outcome.no_keyword": "Không có từ xác nhận",
        "rp.outcome.no_open_convocation": "Không có giấy mời nào đang mở", "rp.outcome.closed": "Giấy mời đã đóng:",
        "rp.done.attached": "Đã gắn tin vào thông báo và ghi nhận xác nhận.", "rp.done.dismissed": "Đã bỏ qua tin trả lời.",
        "rp.notfound": "Không tìm thấy tin trả lời này.", "rp.nonotice": "Hãy chọn một thông báo để gắn. Không có gì thay đổi.",
        "rp.already": "Tin trả lời này đã được xử lý trước đó. Không có gì thay đổi.",
        "rp.nottargeted": "Người gửi không nhận thông báo này (hoặc không rõ người gửi). Không có gì thay đổi.",
        "rp.closed": "Tin nhắn của thông báo này đã bị hủy hoặc hết hạn nên không ghi nhận được. Không có gì thay đổi.",
    ]

    private static let repliesEN: [String: String] = [
        "rp.intro": "Texts residents sent back that Loa did not read as an acknowledgement. Attach one to a notice (it acknowledges) or dismiss it.",
        "rp.none": "No reply is waiting.", "rp.handled": "Handled", "rp.from": "From", "rp.received": "Received",
        "rp.channel": "Channel", "rp.unknown": "Sender is not in the resident registry", "rp.attach": "Attach to notice",
        "rp.attach.button": "Attach and acknowledge", "rp.dismiss": "Dismiss", "rp.notargets": "This resident was sent no notice.",
        "rp.attached": "Attached to", "rp.dismissed": "Dismissed", "rp.by": "by", "rp.what": "Loa read it as",
        "rp.outcome.unknown_sender": "Unknown sender", "rp.outcome.no_keyword": "No acknowledgement word",
        "rp.outcome.no_open_convocation": "No open convocation", "rp.outcome.closed": "Convocation closed:",
        "rp.done.attached": "Reply attached and the acknowledgement recorded.", "rp.done.dismissed": "Reply dismissed.",
        "rp.notfound": "No such reply.", "rp.nonotice": "Choose a notice to attach to. Nothing changed.",
        "rp.already": "This reply was handled before. Nothing changed.",
        "rp.nottargeted": "The sender was not sent this notice (or is unknown). Nothing changed.",
        "rp.closed": "The resident's message of this notice was cancelled or expired, so it cannot be acknowledged. Nothing changed.",
    ]
}
