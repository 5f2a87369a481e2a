import Foundation
import Testing

extension OfficeBrowserTests {
    /// 4. A convocation to one hamlet through the simulated eSMS channel: form, preview, send, then
    /// the notice page refreshes itself while receipts are awaited and ends on the reach report.
    /// Returns the notice's id.
    static func sendConvocation(_ day: OfficeDay, _ office: BrowserSession) async throws -> String {
        try await office.visit(day.origin, "/notices/new")
        try await day.photograph(office, "notice-new")
        try await office.click("select[name='kind'] option[value='convocation']")
        try await office.type(title, into: "input[name='title']")
        try await office.type("Mời bà con dự họp bàn việc góp công làm đường bê tông liên thôn.", into: "textarea[name='body']")
        try await office.type("hamlet:\(hamlet)", into: "input[name='to']")
        try await office.type(meetingTime(), into: "input[name='meeting']")
        try await office.type("Nhà văn hóa thôn Tân Lập", into: "input[name='place']")
        try await office.type("sms", into: "input[name='channels']")
        try await office.click("button[name='action'][value='preview']")
        try await office.wait(for: "the preview") { try await !office.elements(".preview").isEmpty }
        let preview = try await office.text(".preview")
        #expect(preview.contains("3 người"), "the preview counts the hamlet's 3 residents: \(preview)")
        #expect(preview.contains("sms:") && preview.contains("Họp dân thôn Tân Lập"), "the preview shows the text per channel: \(preview)")
        try await day.photograph(office, "notice-preview")
        try await office.click("button[name='action'][value='create']")
        try await office.wait(forPath: "/notices/N")
        let id = String(try await office.location().dropFirst("/notices/".count).prefix { $0 != "?" })

        // Receipts come 3 s after each send, so the page is first seen while it still waits for them.
        let progress = try await office.text()
        #expect(progress.contains("Tiến độ gửi"), "\(progress)")
        #expect(progress.contains("Trang tự cập nhật mỗi 5 giây"), "the page says it refreshes itself: \(progress)")
        #expect(try await !office.elements("meta[http-equiv='refresh']").isEmpty, "a meta refresh while the notice is active")
        try await day.photograph(office, "notice-progress")
        // No reload from here: the page's own meta refresh must bring the report.
        try await office.wait(for: "the page to stop refreshing with 3 delivered", timeout: .seconds(30)) {
            try await office.elements("meta[http-equiv='refresh']").isEmpty
        }
        let report = try #require(try await day.cli.json("report", id) as? [String: Any])
        #expect(report["targeted"] as? Int == 3 && report["delivered"] as? Int == 3, "\(report)")
        let page = try await office.text()
        #expect(page.contains(title) && page.contains("/3"), "the reach report of 3 residents: \(page)")
        #expect(!page.contains("Trang tự cập nhật"))
        try await day.photograph(office, "notice-report")
        try await office.visit(day.origin, "/notices/\(id)/unread")
        let unread = try await office.text()
        #expect(["Đặng Văn Giang", "Bùi Thị Hoa", "Ngô Thị Lan"].allSatisfy(unread.contains) && !unread.contains("Nguyễn Văn An"), "\(unread)")
        try await day.photograph(office, "notice-unread")
        return id
    }

    /// A meeting two days from now at 19:30, in the form's `YYYY-MM-DD HH:MM`.
    static func meetingTime() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(2 * 86_400)) + " 19:30"
    }
}
