import Foundation
import LoaCore

/// The common part of every Zalo webhook body, ZNS and OA alike (gateways.md §1.3, §3.2).
///
/// Ids and timestamps are strings on the wire and stay strings (they exceed 2^53, §11.8); a number
/// where a string belongs is read digit for digit, never through a `Double`.
struct ZaloEventEnvelope: Decodable, Sendable {
    var eventName: String?
    var appID: String?
    var timestamp: String?
    var sender: Party?
    var recipient: Party?
    var message: Message?

    struct Party: Decodable, Sendable {
        var id: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: ZaloKey.self)
            id = container.text("id")
        }
    }

    struct Message: Decodable, Sendable {
        var msgID: String?
        var msgIDs: [String]?
        var trackingID: String?
        var deliveryTime: String?
        var text: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: ZaloKey.self)
            msgID = container.text("msg_id")
            trackingID = container.text("tracking_id")
            deliveryTime = container.text("delivery_time")
            text = try? container.decode(String.self, forKey: ZaloKey("text"))
            // `user_seen_message` lists every message it covers (§3.2).
            if var list = try? container.nestedUnkeyedContainer(forKey: ZaloKey("msg_ids")) {
                var ids: [String] = []
                while !list.isAtEnd {
                    if let id = try? list.decode(String.self) {
                        ids.append(id)
                    } else if let id = try? list.decode(UInt64.self) {
                        ids.append(String(id))
                    } else {
                        _ = try? list.decode(ZaloSkip.self)
                    }
                }
                msgIDs = ids
            }
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ZaloKey.self)
        eventName = container.text("event_name")
        appID = container.text("app_id")
        timestamp = container.text("timestamp")
        sender = try? container.decode(Party.self, forKey: ZaloKey("sender"))
        recipient = try? container.decode(Party.self, forKey: ZaloKey("recipient"))
        message = try? container.decode(Message.self, forKey: ZaloKey("message"))
    }

    /// The body read as an event, or `.malformed` when it is not a JSON object.
    static func read(_ body: [UInt8]) throws(CallbackError) -> ZaloEventEnvelope {
        do {
            return try JSONDecoder().decode(ZaloEventEnvelope.self, from: Data(body))
        } catch {
            throw CallbackError(.malformed, "Zalo event body is not a JSON object")
        }
    }

    /// The body's `timestamp`, for the signature; nil when the body is not a readable event.
    static func timestamp(in body: [UInt8]) -> String? {
        (try? JSONDecoder().decode(ZaloEventEnvelope.self, from: Data(body)))?.timestamp
    }

    /// An epoch-milliseconds string as a date.
    static func date(millis text: String?) -> Date? {
        guard let text, let millis = Int64(text) else { return nil }
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }
}

/// Any JSON key.
struct ZaloKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Decodes and throws away one JSON value of any type.
struct ZaloSkip: Decodable {
    init(from decoder: any Decoder) throws {}
}

extension KeyedDecodingContainer where Key == ZaloKey {
    /// A string field, or an integer written without quotes, as text; nil when absent or empty.
    func text(_ name: String) -> String? {
        let key = ZaloKey(name)
        if let text = try? decode(String.self, forKey: key) { return text.isEmpty ? nil : text }
        if let number = try? decode(UInt64.self, forKey: key) { return String(number) }
        if let number = try? decode(Int64.self, forKey: key) { return String(number) }
        return nil
    }
}
