import Foundation
import LoaCore
import LoaStore
import Testing

@Suite("Store contract: residents")
struct ResidentStoreTests {
    @Test(arguments: StoreBackend.available)
    func reimportingTheSameRowsChangesNothing(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let before = try await store.residents(hamlet: nil, group: nil)
        let again = try await store.importResidents(Sample.rows, columns: .all, actor: "test")
        #expect(again == ImportCounts(unchanged: Sample.rows.count))
        #expect(try await store.residents(hamlet: nil, group: nil) == before)
    }

    @Test(arguments: StoreBackend.available)
    func aKnownPhoneUpdatesThatResident(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        var moved = Sample.rows[0]
        moved.hamlet = "Đồng Tâm"
        moved.groups = ["Hội Cựu chiến binh"]
        let counts = try await store.importResidents([moved, Sample.rows[1]], columns: .all, actor: "test")
        #expect(counts == ImportCounts(updated: 1, unchanged: 1))
        let resident = try #require(try await store.resident(phone: moved.phone))
        #expect(resident.hamlet == "Đồng Tâm")
        #expect(resident.groups == ["Hội Cựu chiến binh"])
        #expect(try await store.residents(hamlet: nil, group: nil).count == Sample.rows.count)
    }

    @Test(arguments: StoreBackend.available)
    func columnsTheFileLacksKeepTheirStoredValues(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let bare = ResidentInput(name: "Nguyễn Văn An", phone: Sample.rows[0].phone)
        let counts = try await store.importResidents([bare], columns: [], actor: "test")
        #expect(counts == ImportCounts(unchanged: 1))
        let resident = try #require(try await store.resident(phone: bare.phone))
        #expect(resident.hamlet == "Thông Nhất")
        #expect(resident.zaloID == "8412000000000001")
        #expect(resident.groups == ["Hội Nông dân"])
    }

    @Test(arguments: StoreBackend.available)
    func dryRunCountsButWritesNothing(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let counts = try await store.importResidents(Sample.rows, columns: .all, dryRun: true, actor: "test")
        #expect(counts == ImportCounts(added: Sample.rows.count))
        #expect(try await store.residents(hamlet: nil, group: nil).isEmpty)
        #expect(try await store.hamlets().isEmpty)
        #expect(try await store.auditLog(limit: 10).isEmpty)
    }

    @Test(arguments: StoreBackend.available)
    func hamletNamesTypedTwoWaysAreOneHamlet(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let decomposed = "Thông Nhất".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count != "Thông Nhất".unicodeScalars.count)
        let row = ResidentInput(name: "Võ Văn Em", phone: Sample.phone("0388888888"), hamlet: decomposed.uppercased())
        _ = try await store.importResidents([row], columns: .all, actor: "test")
        #expect(try await store.hamlets() == ["Thông Nhất", "Đồng Tâm"])
        #expect(try await store.residents(hamlet: "thông nhất", group: nil).count == 3)
        let stored = try #require(try await store.resident(phone: row.phone))
        #expect(stored.hamlet == "Thông Nhất")
    }

    @Test(arguments: StoreBackend.available)
    func listsFilterByHamletAndGroup(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        #expect(try await store.residents(hamlet: "Thông Nhất", group: nil).map(\.name) == ["Nguyễn Văn An", "Trần Thị Bình"])
        #expect(try await store.residents(hamlet: nil, group: "Hội Nông dân").count == 2)
        #expect(try await store.residents(hamlet: "Đồng Tâm", group: "Hội Nông dân").isEmpty)
        #expect(try await store.residents(hamlet: "Nowhere", group: nil).isEmpty)
        let binh = try #require(try await store.resident(phone: Sample.rows[1].phone))
        #expect(binh.groups == ["Hội Nông dân", "Hội Phụ nữ"])
        #expect(try await store.groups().count == 3)
    }

    @Test(arguments: StoreBackend.available)
    func importsAreAudited(backend: StoreBackend) async throws {
        let store = try await backend.seededStore()
        let entries = try await store.auditLog(limit: 10)
        #expect(entries.count == 1)
        #expect(entries.first?.action == "residents.import")
        #expect(entries.first?.actor == "test")
        _ = try await store.importResidents(Sample.rows, columns: .all, actor: "test")
        #expect(try await store.auditLog(limit: 10).count == 1, "an import that changed nothing is not an event")
    }
}
