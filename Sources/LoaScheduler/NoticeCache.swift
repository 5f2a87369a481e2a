import LoaCore
import LoaStore
import Synchronization

/// Notices by id for the dispatch loop: a broadcast's many messages share one notice.
final class NoticeCache: Sendable {
    private let store: any Store
    private let notices = Mutex<[String: Notice]>([:])

    init(store: any Store) {
        self.store = store
    }

    func notice(_ id: String) async throws -> Notice? {
        if let cached = notices.withLock({ $0[id] }) { return cached }
        guard let notice = try await store.notice(id: id) else { return nil }
        notices.withLock { $0[id] = notice }
        return notice
    }
}
