import Foundation
import LoaCore
import LoaStore
import Testing

/// Store contract for what gateways said about channel accounts (issue 17 §2): the daily quota
/// left and the template description, kept for other processes, on both backends.
@Suite("Store contract: channel quota and template")
struct ChannelStateStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: StoreBackend.available)
    func quotasAreSavedReplacedAndReadInChannelOrder(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        #expect(try await store.channelQuotas().isEmpty)
        let midnight = Self.t0.addingTimeInterval(6 * 3600)
        try await store.saveChannelQuotas([
            ChannelQuota(channel: "zalo", daily: 500, remaining: 12, resetsAt: midnight, updatedAt: Self.t0),
            ChannelQuota(channel: "zalo-hoi-nong-dan", daily: nil, remaining: 3, resetsAt: midnight, updatedAt: Self.t0),
        ])
        try await store.saveChannelQuotas([
            ChannelQuota(channel: "zalo", daily: 500, remaining: 0, resetsAt: midnight, updatedAt: Self.t0.addingTimeInterval(60)),
        ])
        let quotas = try await store.channelQuotas()
        #expect(quotas.map(\.channel) == ["zalo", "zalo-hoi-nong-dan"])
        #expect(quotas[0] == ChannelQuota(
            channel: "zalo", daily: 500, remaining: 0, resetsAt: midnight, updatedAt: Self.t0.addingTimeInterval(60)))
        #expect(quotas[0].isExhausted(at: Self.t0) && !quotas[0].isExhausted(at: midnight))
        #expect(quotas[1].daily == nil && !quotas[1].isExhausted(at: Self.t0))
    }

    @Test(arguments: StoreBackend.available)
    func aTemplateDescriptionIsKeptWhole(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        #expect(try await store.channelTemplate(channel: "zalo") == nil)
        let info = #"{"templateID":"245881","status":"ENABLE","params":[{"name":"ho_ten","maxLength":30}]}"#
        try await store.saveChannelTemplate(ChannelTemplateRecord(channel: "zalo", templateID: "245880", info: "{}", fetchedAt: Self.t0))
        try await store.saveChannelTemplate(ChannelTemplateRecord(channel: "zalo", templateID: "245881", info: info, fetchedAt: Self.t0))
        #expect(try await store.channelTemplate(channel: "zalo")
            == ChannelTemplateRecord(channel: "zalo", templateID: "245881", info: info, fetchedAt: Self.t0))
        #expect(try await store.channelTemplate(channel: "sms") == nil)
    }
}
