import Foundation
import Testing

extension OfficeBrowserTests {
    /// 7. The channels page shows both channels with the callback URLs to register.
    static func readChannels(_ day: OfficeDay, _ office: BrowserSession) async throws -> Bool {
        guard await day.landed("/channels", "the channels page (engineer C)") else { return false }
        try await office.visit(day.origin, "/channels")
        let channels = try await office.text()
        #expect(channels.contains("sms") && channels.contains("esms") && channels.contains("tin-den") && channels.contains("speedsms"))
        #expect(channels.contains("\(day.origin)/hooks/tin-den/"), "the reply channel's callback URL: \(channels)")
        try await day.photograph(office, "channels")
        return true
    }

    /// 8. The admin disables the volunteer on `/accounts`; the volunteer's phone is sent to sign-in
    /// on its next page and cannot sign in again.
    static func disableVolunteer(_ day: OfficeDay, _ office: BrowserSession, _ phone: BrowserSession) async throws -> Bool {
        guard await day.landed("/accounts", "the accounts page (engineer A)") else { return false }
        try await office.visit(day.origin, "/accounts")
        let accounts = try await office.text()
        #expect(accounts.contains(admin.name) && accounts.contains(volunteer.name), "\(accounts)")
        try await day.photograph(office, "accounts")
        try await office.click(element: try await office.element("//a[contains(., \(BrowserSession.literal(volunteer.name)))]", using: "xpath"))
        try await office.wait(forPath: "/accounts/")
        try await office.wait(forText: disableLabel)
        try await day.photograph(office, "account-edit")
        try await office.click(element: try await office.element("//" + BrowserSession.control(disableLabel), using: "xpath"))
        try await office.wait(forText: "Tài khoản này đã bị khóa")
        try await day.photograph(office, "account-disabled")
        try await office.visit(day.origin, "/accounts")
        #expect(try await office.text().contains("Đã khóa"), "the list shows the volunteer disabled")

        try await phone.open(day.origin + "/follow-up")
        try await phone.wait(forPath: "/login")
        try await day.submitSignIn(phone, phone: volunteer.phone, password: volunteer.password)
        // The same answer as a wrong password: a disabled account cannot sign in again.
        try await phone.wait(forText: "Số điện thoại hoặc mật khẩu không đúng.")
        #expect(try await phone.location().hasPrefix("/login"))
        try await day.photograph(phone, "login-refused")
        return true
    }

    /// The words of the accounts page's disable button.
    static let disableLabel = "Khóa tài khoản"

    /// 9. The audit log names who imported, who acknowledged at the door, who attached the reply
    /// and who disabled whom.
    static func readAudit(_ day: OfficeDay, _ office: BrowserSession) async throws {
        try await office.visit(day.origin, "/audit")
        let audit = try await office.text()
        #expect(audit.contains("Người thực hiện") && audit.contains("Thao tác"))
        let lines = audit.split(separator: "\n").map(String.init)
        let clerk = "account:+84912000001", door = "account:+84912000002"
        let expected: [(who: String, action: String, detail: String)] = [
            (clerk, "residents.import", "added 7"), (clerk, "notice.create", title),
            (door, "ack.manual", "+84977123456 via in-person"), (clerk, "reply.attach", reply),
            (clerk, "account.disable", "+84912000002"), ("cli:", "account.create", "role volunteer hamlet:\(hamlet)"),
        ]
        for entry in expected {
            #expect(lines.contains { $0.contains(entry.who) && $0.contains(entry.action) && $0.contains(entry.detail) },
                    "the audit log shows \(entry.who) \(entry.action) \(entry.detail): \(audit)")
        }
        try await day.photograph(office, "audit")
    }
}
