import Foundation
import LoaCore
import LoaStore
import Testing

/// Store contract for the residents registry (issue 19): folded search, phone search, add, edit,
/// move, remove and restore with audit rows, on both backends.
@Suite("Store contract: residents registry")
struct RegistryStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: StoreBackend.available)
    func searchIgnoresAccentsAndCaseAndReadsPhonesAnyWay(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        func names(_ search: ResidentSearch) async throws -> [String] {
            try await store.searchResidents(search).residents.map(\.name)
        }
        #expect(try await names(ResidentSearch(text: "nguyen van")) == ["Nguyễn Văn An"])
        #expect(try await names(ResidentSearch(text: "  VĂN  ")) == ["Nguyễn Văn An", "Lê Văn Cường"])
        #expect(try await names(ResidentSearch(text: "cuong")) == ["Lê Văn Cường"])
        #expect(try await names(ResidentSearch(text: "van le")) == ["Lê Văn Cường"], "words in any order")
        #expect(try await names(ResidentSearch(text: "%")).isEmpty, "LIKE wildcards are literal")
        #expect(try await names(ResidentSearch(text: "0912 345")) == ["Nguyễn Văn An"])
        #expect(try await names(ResidentSearch(text: "84987654321")) == ["Trần Thị Bình"])
        #expect(try await names(ResidentSearch(text: "+84-90-123")) == ["Lê Văn Cường"])
        #expect(try await names(ResidentSearch(text: "789 012")) == ["Phạm Thị Dung"], "digits anywhere in the number")
        #expect(try await names(ResidentSearch(hamlet: "dong tam")) == ["Lê Văn Cường", "Phạm Thị Dung"])
        #expect(try await names(ResidentSearch(hamlet: "ĐỒNG TÂM")) == ["Lê Văn Cường", "Phạm Thị Dung"])
        #expect(try await names(ResidentSearch(group: "hoi nong dan")) == ["Nguyễn Văn An", "Trần Thị Bình"])
        #expect(try await names(ResidentSearch(text: "thi", hamlet: "thong nhat", group: "Hội Phụ nữ")) == ["Trần Thị Bình"])
        #expect(try await names(ResidentSearch(hamlet: "Nowhere")).isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func pagesAreStableInHamletAndNameOrderWithTheTotal(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let all = try await store.searchResidents(ResidentSearch())
        #expect(all.total == 4)
        #expect(all.residents.map(\.hamlet) == ["Thông Nhất", "Thông Nhất", "Đồng Tâm", "Đồng Tâm"])
        #expect(all.residents.map(\.name) == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"])
        let second = try await store.searchResidents(ResidentSearch(limit: 3, offset: 3))
        #expect(second.total == 4)
        #expect(second.residents.map(\.name) == ["Phạm Thị Dung"])
    }

    @Test(arguments: StoreBackend.available)
    func addEditMoveRemoveAndRestoreAreAudited(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let added = try await store.addResident(
            ResidentInput(
                name: "  Đỗ   Thị Hoa ", phone: Sample.phone("0388 123 456"), zaloID: " 8412000000000009 ", hamlet: "Hòa Bình",
                groups: ["Hội Phụ nữ", "hội phụ nữ", "Chi hội Cựu chiến binh"]),
            actor: "token:chu-tich")
        #expect(added.name == "Đỗ Thị Hoa")
        #expect(added.phone?.e164 == "+84388123456")
        #expect(added.zaloID == "8412000000000009")
        #expect(added.hamlet == "Hòa Bình")
        #expect(added.groups == ["Chi hội Cựu chiến binh", "Hội Phụ nữ"])
        #expect(try await store.hamlets().contains("Hòa Bình"), "a new hamlet is created on first use")
        #expect(try await store.groups().contains("Chi hội Cựu chiến binh"))
        var audit = try #require(try await store.auditLog(limit: 1).first)
        #expect(audit.action == "resident.add" && audit.actor == "token:chu-tich" && audit.subject == "+84388123456")

        let moved = try await store.updateResident(
            id: added.id,
            ResidentInput(name: "Đỗ Thị Hoa", phone: Sample.phone("84 388 123 457"), hamlet: "đồng tâm", groups: ["Hội Phụ nữ"]),
            actor: "token:chu-tich")
        #expect(moved.hamlet == "Đồng Tâm", "an existing hamlet typed another way is that hamlet")
        #expect(moved.phone?.national == "0388123457")
        #expect(moved.zaloID == nil && moved.groups == ["Hội Phụ nữ"])
        audit = try #require(try await store.auditLog(limit: 1).first)
        #expect(audit.action == "resident.update" && audit.subject == "+84388123457")
        let detail = try #require(audit.detail)
        #expect(detail.contains("hamlet: Hòa Bình → Đồng Tâm"))
        #expect(detail.contains("phone: 0388123456 → 0388123457"))
        #expect(detail.contains("zalo: 8412000000000009 → –"))
        #expect(!detail.contains("name:"), "only what changed")

        let count = try await store.auditLog(limit: 100).count
        let same = try await store.updateResident(
            id: added.id,
            ResidentInput(name: "Đỗ Thị Hoa", phone: Sample.phone("0388123457"), hamlet: "Đồng Tâm", groups: ["Hội Phụ nữ"]),
            actor: "token:chu-tich")
        #expect(same == moved)
        #expect(try await store.auditLog(limit: 100).count == count, "saving without a change writes no audit row")

        let removed = try await store.removeResident(id: added.id, actor: "token:chu-tich", at: Self.t0)
        #expect(removed.removedAt == Self.t0)
        #expect(try await store.resident(id: added.id)?.removedAt == Self.t0, "kept, marked removed")
        #expect(try await store.searchResidents(ResidentSearch(text: "hoa")).total == 0)
        #expect(try await store.searchResidents(ResidentSearch(text: "hoa", includeRemoved: true)).residents.map(\.id) == [added.id])
        #expect(try await store.residents(hamlet: nil, group: nil).count == 4, "the CLI and API lists leave them out")
        #expect(try await store.auditLog(limit: 1).first?.action == "resident.remove")
        _ = try await store.removeResident(id: added.id, actor: "token:chu-tich", at: Self.t0 + 60)
        #expect(try await store.resident(id: added.id)?.removedAt == Self.t0, "removing twice keeps the first time, audits once")
        #expect(try await store.auditLog(limit: 100).count == count + 1)
        await #expect(throws: StoreError.self, "a removed resident is restored before editing") {
            try await store.updateResident(id: added.id, ResidentInput(name: "X", phone: Sample.phone("0388123457")), actor: "t")
        }

        let restored = try await store.restoreResident(id: added.id, actor: "token:chu-tich")
        #expect(restored.removedAt == nil)
        #expect(try await store.residents(hamlet: nil, group: nil).count == 5)
        audit = try #require(try await store.auditLog(limit: 1).first)
        #expect(audit.action == "resident.restore" && audit.subject == "+84388123457")
    }

    @Test(arguments: StoreBackend.available)
    func aPhoneAnotherResidentHoldsIsAConflictAndChangesNothing(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let audit = try await store.auditLog(limit: 100).count
        do {
            _ = try await store.addResident(ResidentInput(name: "Ai Đó", phone: Sample.phone("+84 912 345 678")), actor: "t")
            Issue.record("a taken phone was accepted")
        } catch let error as StoreError {
            #expect(error.kind == .conflict)
            #expect(error.description.contains("Nguyễn Văn An"), "names the other resident: \(error.description)")
        }
        let binh = try #require(try await store.searchResidents(ResidentSearch(text: "binh")).residents.first)
        await #expect(throws: StoreError.self) {
            try await store.updateResident(
                id: binh.id, ResidentInput(name: binh.name, phone: Sample.phone("0901234567"), hamlet: "Thông Nhất"), actor: "t")
        }
        await #expect(throws: StoreError.self, "an empty name") {
            try await store.addResident(ResidentInput(name: "   ", phone: Sample.phone("0388000001")), actor: "t")
        }
        #expect(try await store.resident(id: binh.id) == binh)
        #expect(try await store.searchResidents(ResidentSearch()).total == 4)
        #expect(try await store.auditLog(limit: 100).count == audit)
        await #expect(throws: StoreError.self) { try await store.removeResident(id: 9_999, actor: "t", at: Self.t0) }
    }

    @Test(arguments: StoreBackend.available)
    func aRemovedResidentMissesNewNoticesButStaysInOldOnes(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let old = try await store.createNotice(Sample.draft([.hamlet("Đồng Tâm")], kind: .convocation))
        let cuong = try #require(try await store.searchResidents(ResidentSearch(text: "cuong")).residents.first)
        _ = try await store.removeResident(id: cuong.id, actor: "t", at: Self.t0)

        #expect(try await store.countAudience([.hamlet("Đồng Tâm")]) == AudienceCount(targeted: 1, unreachable: 0))
        #expect(try await store.countAudience([.all]).targeted == 3)
        let new = try await store.createNotice(Sample.draft([.all]))
        #expect(try await store.messages(notice: new.id).map(\.resident).contains(cuong.id) == false)
        #expect(new.messageCount == 3)
        await #expect(throws: StoreError.self, "a removed resident's phone selects no one") {
            try await store.createNotice(Sample.draft([.phone(Sample.phone("0901234567"))]))
        }

        #expect(try await store.messages(notice: old.id).map(\.resident).contains(cuong.id))
        #expect(try await store.report(notice: old.id, by: nil, reachTarget: 0.8).totals.targeted == 2)
        #expect(try await store.unread(notice: old.id, filter: UnreadFilter()).map(\.name).contains("Lê Văn Cường"))
        #expect(try await store.residentHistory(id: cuong.id, limit: 5).map(\.notice) == [old.id])
    }

    @Test(arguments: StoreBackend.available)
    func importingARemovedResidentsPhoneRestoresThem(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let dung = try #require(try await store.searchResidents(ResidentSearch(text: "dung")).residents.first)
        _ = try await store.removeResident(id: dung.id, actor: "t", at: Self.t0)
        let counts = try await store.importResidents(Sample.rows, columns: .all, actor: "test")
        #expect(counts == ImportCounts(updated: 1, unchanged: 3))
        #expect(try await store.resident(id: dung.id)?.removedAt == nil)
        #expect(try await store.residents(hamlet: nil, group: nil).count == 4)
        let again = try await store.importResidents(Sample.rows, columns: .all, actor: "test")
        #expect(again == ImportCounts(unchanged: 4))
    }
}
