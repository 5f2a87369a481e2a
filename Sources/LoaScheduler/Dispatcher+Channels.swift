import Foundation
import LoaChannels
import LoaStore

/// What the dispatcher asks of the gateways before it sends, and the quota gate on each send.
extension Dispatcher {
    /// Start-up: takes the quota figures saved by earlier runs, then asks each ZNS channel's gateway
    /// for its template's limits and today's quota. An unreachable gateway is a warning; a
    /// `template_params` mapping that cannot fit the template stops the run (every send would fail).
    func prepareChannels() async throws {
        guard !quota.channels.isEmpty else { return }
        quota.load(try await store.channelQuotas(), now: Date())
        for case let adapter as ZaloZNSAdapter in adapters.values {
            let info: ZaloZNSTemplateInfo
            do {
                info = try await adapter.fetchTemplateInfo(over: transport)
            } catch {
                logger.warning("channel \(adapter.name): template limits not read (\(error.description)); sending without them")
                continue
            }
            if let record = try? ChannelTemplateRecord(
                channel: adapter.name, templateID: info.templateID, info: info.json, fetchedAt: Date())
            {
                try await store.saveChannelTemplate(record)
            }
            let problems = adapter.template.problems(against: info, channel: adapter.name)
            if !problems.isEmpty { throw ChannelMisfit(problems: problems) }
            if !info.isEnabled {
                logger.warning("channel \(adapter.name): template \(info.templateID) is \(info.status), not ENABLE")
            }
            if let reading = try? await adapter.fetchQuota(over: transport) {
                quota.observe(adapter.name, reading, now: Date())
            }
        }
        let changed = quota.changes(now: Date(), all: true)
        if !changed.isEmpty { try await store.saveChannelQuotas(changed) }
    }

    /// Why a send on counted channel `name` may not go now, or nil when it may (it is then counted
    /// in flight until settled).
    func quotaRefusal(_ name: String) -> SendError? {
        let now = Date()
        switch quota.reserve(name, now: now) {
        case .go:
            return nil
        case .hold:
            return SendError(
                .deferred, "channel \(name): the quota left is taken by requests in flight", retryAfter: .seconds(2))
        case .exhausted(let until):
            return SendError(
                .quotaExhausted, "channel \(name): no daily quota left until \(until.ISO8601Format())",
                retryAfter: .milliseconds(max(0, Int64(until.timeIntervalSince(now) * 1000))))
        }
    }
}

/// A channel's configuration that cannot work with what its gateway describes.
public struct ChannelMisfit: Error, CustomStringConvertible {
    public let problems: [String]

    public var description: String { problems.joined(separator: "; ") }
}
