import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP

/// Sends one short text to a staff member's phone through the commune's own channels, outside any
/// notice: sign-in codes and the channels page's test send. Never logs the text (it may be a code).
struct StaffMessenger: Sendable {
    let setup: ServerSetup
    let transport: any HTTPTransport

    /// One HTTP client for every staff text of this process, made on first use.
    private static let sharedTransport = HTTPClient(configuration: .init(maxConnectionsPerHost: 2))

    init(setup: ServerSetup, transport: (any HTTPTransport)? = nil) {
        self.setup = setup
        self.transport = transport ?? Self.sharedTransport
    }

    /// Sends `text` to `phone` through `channel` (nil: the first configured channel that can carry
    /// it); returns the channel that took it. Throws with words naming the channel and its answer.
    func send(_ text: String, to phone: PhoneNumber, channel: String?) async throws -> String {
        let message = Self.message(text, to: phone, zone: setup.configuration.commune.timeZone)
        let candidates = try candidates(for: message, named: channel)
        var failures: [String] = []
        for adapter in candidates {
            do {
                _ = try await adapter.sendRenewingCredentials(message, over: transport)
                setup.logger.info("staff text sent", metadata: ["channel": "\(adapter.name)", "to": "\(phone.e164.prefix(6))…"])
                return adapter.name
            } catch {
                // SendError messages are redacted of the channel's secrets; a gateway that echoes
                // what it got could still quote the text (a sign-in code), so that goes too.
                failures.append("\(adapter.name): \(Self.redacted(error.message, text: text))")
            }
        }
        throw StaffMessengerError(description: "no channel took the text (" + failures.joined(separator: "; ") + ")")
    }

    /// The adapters that could carry `message`, in the configuration's order: SMS channels that
    /// send free text or have a registered template that fits it, webhooks, and Zalo ZNS last (its
    /// template was made for notices). Zalo OA needs the person's Zalo id, which staff have none of.
    private func candidates(for message: OutboundMessage, named wanted: String?) throws -> [any ChannelAdapter] {
        let configured = setup.configuration.channels.compactMap { config in setup.adapters[config.name] }
        if let wanted {
            guard let adapter = setup.adapters[wanted] else {
                throw StaffMessengerError(description: "no channel named '\(wanted)' is configured")
            }
            if let refusal = Self.refusal(adapter, message) { throw StaffMessengerError(description: "channel \(wanted): \(refusal)") }
            return [adapter]
        }
        let usable = configured.filter { Self.refusal($0, message) == nil }
        let first = usable.filter { $0.config.kind != .zaloZNS }
        let candidates = first + usable.filter { $0.config.kind == .zaloZNS }
        guard !candidates.isEmpty else {
            throw StaffMessengerError(description: "no configured channel can send a text to a phone (an SMS channel or a webhook)")
        }
        return candidates
    }

    /// Why `adapter` cannot carry `message`, or nil when it can.
    static func refusal(_ adapter: any ChannelAdapter, _ message: OutboundMessage) -> String? {
        let config = adapter.config
        switch config.kind {
        case .webhook, .zaloZNS: return nil
        case .zaloOA: return "a Zalo OA message needs the person's Zalo id"
        case .esms, .speedsms, .kannel, .twilio:
            switch SMSComposer.rendering(for: message, channel: config) {
            case .success: return nil
            case .failure(let refusal): return refusal.description
            }
        }
    }

    /// `message` without `text` or any of its numbers of 4 digits or more.
    static func redacted(_ message: String, text: String) -> String {
        let numbers = text.split { !$0.isNumber }.map(String.init).filter { $0.count >= 4 }
        return ([text.precomposed, text] + numbers).reduce(message) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }

    /// The text as a message of no notice, to one phone.
    static func message(_ text: String, to phone: PhoneNumber, zone: TimeZone) -> OutboundMessage {
        let key = "staff-" + DashboardSession.newID(bytes: 12)
        return OutboundMessage(
            messageID: 0, idempotencyKey: key, noticeID: "STAFF", shortCode: "", kind: .notice, title: "Loa", body: text.precomposed,
            recipient: OutboundMessage.Recipient(name: "", phone: phone), timeZone: zone)
    }
}

/// Why a text to a staff member did not go.
struct StaffMessengerError: Error, CustomStringConvertible {
    let description: String
}
