import Foundation
import LoaChannels
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// The residents registry pages through a real server and a browser-like client (issue 19): search,
/// filters, add, edit and move, remove and restore, refusals, and what each change leaves behind.
@Suite("Residents registry pages", .serialized)
struct RegistryPageTests {
    /// A browser signed in with a fresh token of `role`, having read `/residents` (or the sign-in page's CSRF value).
    static func browser(_ server: ServerHarness, _ role: TokenRecord.Role, scopes: [AudienceSelector] = [], label: String) async throws
        -> SessionClient
    {
        let token = try await SessionClient.token(server, role, scopes: scopes, label: label)
        var client = try await SessionClient(server)
        #expect(try await client.signIn(token).status == 303)
        return client
    }

    static func page(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    static func location(_ response: HTTPResponse) -> String { response.headers.values(for: "Location").first ?? "" }

    static func query(_ pairs: [(String, String)]) -> String { "/residents?" + FormEncoding.encode(pairs) }

    @Test
    func adminSearchesByFoldedNameOrPhoneAndFilters() async throws {
        let server = try await ServerHarness.start()
        var admin = try await Self.browser(server, .admin, label: "chu-tich")
        let all = Self.page(try await admin.get("/residents"))
        #expect(all.contains("Danh sách cư dân") && all.contains("Hiển thị 1–4 trên tổng số 4 cư dân"))
        for name in ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"] { #expect(all.contains(name)) }
        for link in ["href=\"/residents/new\"", "href=\"/residents/import\"", "href=\"/residents.xlsx\"", "href=\"/residents.csv\""] {
            #expect(all.contains(link), "\(link)")
        }
        #expect(all.contains("class=\"scroll\"") && !all.contains("<script"))
        let folded = Self.page(try await admin.get(Self.query([("q", "nguyen van")])))
        #expect(folded.contains("Nguyễn Văn An") && !folded.contains("Trần Thị Bình") && !folded.contains("Lê Văn Cường"))
        let phone = Self.page(try await admin.get(Self.query([("q", "0987 654")])))
        #expect(phone.contains("Trần Thị Bình") && !phone.contains("Nguyễn Văn An"))
        let hamlet = Self.page(try await admin.get(Self.query([("hamlet", "dong tam")])))
        #expect(hamlet.contains("Lê Văn Cường") && hamlet.contains("Phạm Thị Dung") && !hamlet.contains("Trần Thị Bình"))
        let group = Self.page(try await admin.get(Self.query([("group", "Hội Nông dân")])))
        #expect(group.contains("Nguyễn Văn An") && !group.contains("Phạm Thị Dung"))
        let none = Self.page(try await admin.get(Self.query([("q", "không ai")])))
        #expect(none.contains("Không có cư dân nào khớp"))
        let english = Self.page(try await admin.get("/residents?lang=en"))
        #expect(english.contains("Search by name or phone") && english.contains("Add a resident"))
        await server.stop()
    }

    @Test
    func addEditMoveRemoveAndRestoreAreStoredAndAudited() async throws {
        let server = try await ServerHarness.start()
        var admin = try await Self.browser(server, .admin, label: "chu-tich")
        let form = Self.page(try await admin.get("/residents/new"))
        #expect(form.contains("Thêm cư dân mới") && form.contains("name=\"new_hamlet\"") && form.contains("Hội Nông dân"))
        let added = try await admin.post(
            "/residents",
            [("name", "Đỗ Thị Hoa"), ("phone", "0388 123 456"), ("zalo", ""), ("hamlet", ""), ("new_hamlet", "Hòa Bình"),
             ("group_0", "Hội Nông dân"), ("new_groups", "Chi hội Phụ nữ")])
        #expect(added.status == 303)
        let hoa = try #require(try await server.store.resident(phone: Residents.phone("0388123456")))
        #expect(hoa.hamlet == "Hòa Bình" && hoa.groups == ["Chi hội Phụ nữ", "Hội Nông dân"])
        #expect(Self.location(added) == "/residents?done=add&id=\(hoa.id)")
        #expect(Self.page(try await admin.get(Self.location(added))).contains("Đã thêm cư dân Đỗ Thị Hoa."))

        let edit = Self.page(try await admin.get("/residents/\(hoa.id)"))
        #expect(edit.contains("value=\"Đỗ Thị Hoa\"") && edit.contains("value=\"0388123456\"") && edit.contains("Xóa khỏi danh sách"))
        let moved = try await admin.post(
            "/residents/\(hoa.id)", [("name", "Đỗ Thị Hoa"), ("phone", "0388123456"), ("hamlet", "Đồng Tâm"), ("group_0", "Hội Nông dân")])
        #expect(moved.status == 303)
        #expect(try await server.store.resident(id: hoa.id)?.hamlet == "Đồng Tâm")
        #expect(try await server.store.resident(id: hoa.id)?.groups == ["Hội Nông dân"])
        let update = try #require(try await server.store.auditLog(limit: 1).first)
        #expect(update.action == "resident.update" && update.actor == "token:chu-tich")
        #expect(update.detail?.contains("hamlet: Hòa Bình → Đồng Tâm") == true)

        #expect(try await admin.post("/residents/\(hoa.id)/remove").status == 303)
        #expect(try await server.store.resident(id: hoa.id)?.removedAt != nil)
        let list = Self.page(try await admin.get("/residents"))
        #expect(!list.contains("Đỗ Thị Hoa"), "gone from the list")
        #expect(Self.page(try await admin.get(Self.query([("q", "hoa"), ("removed", "1")]))).contains("Đỗ Thị Hoa"))
        #expect(try await server.store.countAudience([.hamlet("Đồng Tâm")]).targeted == 2, "and from a new notice's audience")
        let removedPage = Self.page(try await admin.get("/residents/\(hoa.id)"))
        #expect(removedPage.contains("đã bị xóa khỏi danh sách") && removedPage.contains("Khôi phục"))

        #expect(try await admin.post("/residents/\(hoa.id)/restore").status == 303)
        #expect(try await server.store.resident(id: hoa.id)?.removedAt == nil)
        #expect(try await server.store.countAudience([.hamlet("Đồng Tâm")]).targeted == 3)

        let audit = Self.page(try await admin.get("/audit"))
        for action in ["resident.add", "resident.update", "resident.remove", "resident.restore"] { #expect(audit.contains(action), "\(action)") }
        await server.stop()
    }

    @Test
    func badInputIsRefusedInWordsAndChangesNothing() async throws {
        let server = try await ServerHarness.start()
        var admin = try await Self.browser(server, .admin, label: "chu-tich")
        _ = try await admin.get("/residents/new")
        let audit = try await server.store.auditLog(limit: 100).count
        let badPhone = try await admin.post("/residents", [("name", "Võ Văn Em"), ("phone", "0912 34"), ("new_hamlet", "Hòa Bình")])
        #expect(badPhone.status == 400)
        let shown = Self.page(badPhone)
        #expect(shown.contains("‘0912 34’ thiếu chữ số") && shown.contains("value=\"Võ Văn Em\"") && shown.contains("value=\"Hòa Bình\""))
        let noName = try await admin.post("/residents", [("name", "  "), ("phone", "0388000111")])
        #expect(noName.status == 400 && Self.page(noName).contains("Hãy nhập họ tên."))
        let taken = try await admin.post("/residents", [("name", "Võ Văn Em"), ("phone", "+84 912 345 678")])
        #expect(taken.status == 409)
        #expect(Self.page(taken).contains("đã thuộc về cư dân khác: Nguyễn Văn An"))
        let binh = try #require(try await server.store.resident(phone: Residents.phone("0987654321")))
        let clash = try await admin.post("/residents/\(binh.id)", [("name", binh.name), ("phone", "0901234567")])
        #expect(clash.status == 409 && Self.page(clash).contains("Lê Văn Cường"))
        let english = try await admin.post("/residents?lang=en", [("name", "Võ Văn Em"), ("phone", "02438 123 456")])
        #expect(english.status == 400 && Self.page(english).contains("is a landline"))

        let forged = try await admin.post("/residents", [("name", "Võ Văn Em"), ("phone", "0388000111")], csrf: "wrong")
        #expect(forged.status == 403)
        let removal = try await admin.post("/residents/\(binh.id)/remove", csrf: "")
        #expect(removal.status == 403)
        #expect(try await server.store.resident(id: binh.id)?.removedAt == nil)
        #expect(try await server.store.hamlets() == ["Thông Nhất", "Đồng Tâm"], "no hamlet was created")
        #expect(try await server.store.searchResidents(ResidentSearch(includeRemoved: true)).total == 4)
        #expect(try await server.store.auditLog(limit: 100).count == audit)
        #expect(try await admin.get("/residents/9999").status == 404)
        #expect(try await admin.get("/residents/abc").status == 404)
        await server.stop()
    }

    @Test
    func onlyAdminsSeeOrChangeTheRegistry() async throws {
        let server = try await ServerHarness.start()
        let binh = try #require(try await server.store.resident(phone: Residents.phone("0987654321")))
        let roles: [(TokenRecord.Role, [AudienceSelector], String)] = [
            (.sender, [.hamlet("Thông Nhất")], "truong-thon"), (.auditor, [], "kiem-tra"), (.volunteer, [.hamlet("Thông Nhất")], "doi-so"),
        ]
        for (role, scopes, label) in roles {
            var client = try await Self.browser(server, role, scopes: scopes, label: label)
            #expect(try await client.get("/residents").status == 403, "\(role)")
            #expect(try await client.get("/residents/new").status == 403, "\(role)")
            let page = try await client.get("/residents/\(binh.id)")
            #expect(page.status == 403, "\(role)")
            #expect(!Self.page(page).contains(binh.name))
            _ = try await client.get("/")
            #expect(client.csrf != nil, "a valid CSRF value, so that only the role refuses")
            #expect(try await client.post("/residents", [("name", "Võ Văn Em"), ("phone", "0388000111")]).status == 403)
            #expect(try await client.post("/residents/\(binh.id)/remove").status == 403)
        }
        #expect(try await server.store.resident(id: binh.id)?.removedAt == nil)
        #expect(try await server.store.resident(phone: Residents.phone("0388000111")) == nil)
        #expect(try await server.request(.get, "/residents").status == 303, "signed out: to the sign-in page")
        await server.stop()
    }
}
