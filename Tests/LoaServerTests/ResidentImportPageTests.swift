import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// Resident import by upload (`/residents/import`) and the registry downloads, through a real server.
@Suite("Resident import pages", .serialized)
struct ResidentImportPageTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/residents")

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// Posts `file` as a browser's multipart upload form, with the page's CSRF value unless `csrf` is given.
    static func upload(
        _ browser: SessionClient, _ filename: String, _ bytes: [UInt8], csrf: String? = nil, timeout: Duration = .seconds(10)
    ) async throws -> HTTPResponse {
        let boundary = "----LoaTestBoundary7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        if let value = csrf ?? browser.csrf {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        let headers: HTTPHeaders = [
            "Content-Type": "multipart/form-data; boundary=\(boundary)", "Cookie": browser.cookieHeader, "Origin": browser.server.base,
        ]
        return try await browser.server.client.send(
            HTTPRequest(method: .post, url: browser.server.base + "/residents/import", headers: headers, body: body, timeout: timeout))
    }

    static func admin(_ server: ServerHarness) async throws -> SessionClient {
        var browser = try await SessionClient(server)
        _ = try await browser.signIn(try await SessionClient.token(server, .admin, label: "ubnd"))
        try await browser.get("/residents/import")
        return browser
    }

    static func html(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    /// Uploads and follows the redirect to the preview; returns the preview's path and page.
    static func preview(_ browser: inout SessionClient, _ name: String, _ bytes: [UInt8]) async throws -> (String, String) {
        let posted = try await upload(browser, name, bytes, timeout: .seconds(60))
        #expect(posted.status == 303, "\(html(posted))")
        let location = try #require(posted.headers["Location"])
        let page = try await browser.get(location)
        #expect(page.status == 200)
        return (location, html(page))
    }

    @Test
    func messyWorkbookPreviewsThenImportsOnConfirm() async throws {
        let server = try await ServerHarness.start()
        var browser = try await Self.admin(server)
        let (path, page) = try await Self.preview(&browser, "messy.xlsx", try Self.fixture("messy.xlsx"))
        #expect(page.contains("<td class=\"n\">10</td><td>‘0212345678’"), "the landline is rejected on sheet row 10")
        #expect(page.contains("<td class=\"n\">11</td><td>số điện thoại trùng với dòng 5"), "the repeat names row 5")
        #expect(page.contains("Ngô Thị Lan") && page.contains("0977123456"), "phones without leading zero are accepted")
        #expect(!page.contains("Người ở trang tổng hợp"), "the second sheet is ignored")
        #expect(page.contains("Thêm mới: <b>3</b>") && page.contains("Cập nhật: <b>2</b>") && page.contains("Không đổi: <b>2</b>"))
        #expect(page.contains("nhóm: Hội Nông dân → Hội Nông dân; Chi bộ"))
        #expect(page.contains("STT, Ghi chú"))
        #expect(try await server.store.residents(hamlet: nil, group: nil).count == 4, "nothing stored before confirm")

        let confirmed = try await browser.post(path + "/confirm")
        #expect(confirmed.status == 303)
        let residents = try await server.store.residents(hamlet: nil, group: nil)
        #expect(residents.count == 7)
        #expect(Set(residents.first { $0.phone?.national == "0912345678" }?.groups ?? []) == ["Hội Nông dân", "Chi bộ"])
        let audit = try await server.store.auditLog(limit: 10)
        #expect(audit.contains { $0.action == "residents.import" && $0.actor == "token:ubnd" && ($0.detail ?? "").contains("added 3, updated 2") })
        let result = Self.html(try await browser.get(path))
        #expect(result.contains("Kết quả: Thêm mới 3 · Cập nhật 2 · Không đổi 2"))
        let again = try await browser.post(path + "/confirm")
        #expect(again.status == 404 && Self.html(again).contains("không còn"), "a second confirm changes nothing")

        let (_, second) = try await Self.preview(&browser, "messy.xlsx", try Self.fixture("messy.xlsx"))
        #expect(second.contains("Thêm mới: <b>0</b>") && second.contains("Cập nhật: <b>0</b>") && second.contains("Không đổi: <b>7</b>"))
        await server.stop()
    }

    @Test
    func refusalsChangeNothing() async throws {
        let server = try await ServerHarness.start()
        var browser = try await Self.admin(server)
        let docx = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: UInt8(0), count: 40)
        let garbage = try await Self.upload(browser, "bien-ban.docx", docx)
        #expect(garbage.status == 422)
        #expect(Self.html(garbage).contains("Đây không phải tệp .xlsx hay .csv đọc được"))
        let word = try await Self.upload(browser, "bien-ban.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
        #expect(word.status == 422 && Self.html(word).contains("có thể là .doc, .docx hoặc .xls cũ"))
        let noHeader = try await Self.upload(browser, "ghi-chu.csv", Array("Ghi chú\nAn\n".utf8))
        #expect(noHeader.status == 422 && Self.html(noHeader).contains("Không đọc được tệp: missing columns"))
        let forged = try await Self.upload(browser, "messy.xlsx", try Self.fixture("messy.xlsx"), csrf: "forged")
        #expect(forged.status == 403)
        let unknown = try await browser.post("/residents/import/nosuchupload/confirm")
        #expect(unknown.status == 404 && Self.html(unknown).contains("Không có gì thay đổi"))
        #expect(try await server.store.residents(hamlet: nil, group: nil).count == 4)

        var sender = try await SessionClient(server)
        _ = try await sender.signIn(try await SessionClient.token(server, .sender, scopes: [.hamlet("Thông Nhất")], label: "thon"))
        #expect(try await sender.get("/residents/import").status == 403)
        #expect(try await sender.get("/residents.csv").status == 403)
        #expect(try await sender.get("/residents.xlsx").status == 403)
        await server.stop()
    }

    @Test
    func downloadsReimportAsAllUnchanged() async throws {
        let server = try await ServerHarness.start()
        var browser = try await Self.admin(server)
        for (path, name) in [("/residents.csv", "cu-dan.csv"), ("/residents.xlsx", "cu-dan.xlsx")] {
            let file = try await browser.get(path)
            #expect(file.status == 200)
            #expect(file.headers["Content-Disposition"] == "attachment; filename=\"\(name)\"")
            if path.hasSuffix(".csv") {
                #expect(Self.html(file).contains("Nguyễn Văn An,0912345678,,Thông Nhất,Hội Nông dân"))
            }
            let (_, page) = try await Self.preview(&browser, name, file.body)
            #expect(page.contains("Không đổi: <b>4</b>") && page.contains("Thêm mới: <b>0</b>") && page.contains("Cập nhật: <b>0</b>"), "\(name)")
        }
        await server.stop()
    }

    /// A 10 000-row workbook previews whole (its timing is `scripts/bench xlsx`'s, not a test's).
    @Test
    func aTenThousandRowWorkbookPreviewsWhole() async throws {
        let server = try await ServerHarness.start()
        var browser = try await Self.admin(server)
        let bytes = try Self.fixture("residents-10k.xlsx")
        let (_, page) = try await Self.preview(&browser, "residents-10k.xlsx", bytes)
        #expect(page.contains("Thêm mới: <b>10000</b>"))
        #expect(page.contains("còn 9800 dòng nữa"))
        await server.stop()
    }
}
