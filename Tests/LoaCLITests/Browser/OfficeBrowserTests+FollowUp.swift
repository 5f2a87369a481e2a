import Foundation
import Testing

extension OfficeBrowserTests {
    /// The hamlet's residents the convocation went to, and the one who answers by SMS.
    static let giang = "Đặng Văn Giang", hoa = (name: "Bùi Thị Hoa", phone: "84868123456"), lan = "Ngô Thị Lan"
    static let reply = "Nhà tôi bận gặt lúa, xin phép đến muộn 15 phút"

    /// 5. The volunteer, on a 360 px phone, signs in and records that Giang was told at his door;
    /// he leaves the list and the page never scrolls sideways.
    static func followUpAtTheDoor(_ day: OfficeDay, _ phone: BrowserSession, notice: String) async throws -> Bool {
        guard await day.landed("/follow-up", "the door-to-door page (engineer C)") else { return false }
        try await day.signIn(phone, phone: volunteer.phone, password: volunteer.password)
        try await phone.visit(day.origin, "/follow-up")
        let list = try await phone.text()
        #expect(list.contains("Theo dõi tận nhà") && list.contains(title), "\(list)")
        #expect(list.contains(giang) && list.contains(hoa.name) && list.contains(lan), "the hamlet's three residents: \(list)")
        #expect(!list.contains("Nguyễn Văn An"), "no resident of another hamlet")
        let width = try await phone.measure("return document.documentElement.scrollWidth") as? Int
        #expect(width.map { $0 <= 360 } == true, "no sideways scrolling at 360 px: the page is \(width ?? -1) px wide")
        try await day.photograph(phone, "follow-up")
        try await phone.press("Đã báo trực tiếp", inRowOf: giang)
        try await phone.wait(for: "\(giang) to leave the list") { try await !phone.text().contains(giang) }
        let after = try await phone.text()
        #expect(after.contains(hoa.name) && after.contains(lan), "the others stay: \(after)")
        try await day.photograph(phone, "follow-up-after")
        try await phone.visit(day.origin, "/follow-up?lang=en")
        let english = try await phone.text()
        #expect(english.contains("Door to door") && english.contains("Informed in person"), "the list in English: \(english)")
        try await phone.visit(day.origin, "/follow-up?lang=vi")
        let report = try #require(try await day.cli.json("report", notice) as? [String: Any])
        #expect(report["acknowledged"] as? Int == 1, "the door-to-door acknowledgement is stored: \(report)")
        return true
    }

    /// 6. Hoa answers the SMS with a sentence no rule matches; the office finds it on `/replies`,
    /// attaches it to the convocation, and she counts as acknowledged on the notice page.
    static func attachReply(_ day: OfficeDay, _ office: BrowserSession, notice: String) async throws -> Bool {
        #expect(try await day.inboundSMS(from: hoa.phone, reply) == 200, "SpeedSMS's push is taken")
        guard await day.landed("/replies", "the replies page (engineer C)") else { return false }
        try await office.visit(day.origin, "/replies")
        let replies = try await office.text()
        #expect(replies.contains(reply) && replies.contains(hoa.name), "the stray reply with its resident: \(replies)")
        try await day.photograph(office, "replies")
        try await office.choose(title, inRowOf: reply, withControl: attachLabel)
        try await office.press(attachLabel, inRowOf: reply)
        try await office.wait(for: "the reply to be attached") { try await !office.hasControl(attachLabel) }
        #expect(try await office.text().contains("Đã gắn tin vào thông báo và ghi nhận xác nhận."))
        try await day.photograph(office, "replies-after")
        let report = try #require(try await day.cli.json("report", notice) as? [String: Any])
        #expect(report["acknowledged"] as? Int == 2, "Hoa acknowledged through her attached reply: \(report)")
        try await office.visit(day.origin, "/notices/\(notice)")
        #expect(try await office.text().contains("2/3"), "two of three reached on the notice page")
        return true
    }

    /// The words of the replies page's attach button.
    static let attachLabel = "Gắn và xác nhận"
}
