import Foundation
import LoaCore

/// How SMS text is treated: keep Vietnamese accents (UCS-2) or fold them to GSM-7.
public enum DiacriticFolding: String, Sendable, CaseIterable {
    case auto, always, never
}

/// One `[[channels]]` entry: a named route to one gateway account.
public struct ChannelConfig: Sendable {
    public var name: String
    public var kind: ChannelKind
    public var baseURL: String?
    public var rate: SendRate?
    public var foldDiacritics: DiacriticFolding = .auto
    public var pricePerSegment: Double?
    /// Kind-specific plain values (`app_id`, `brandname`, `template_id`, …).
    public var settings: [String: String] = [:]
    /// Kind-specific secrets; they print as `<redacted>`.
    public var secrets: [String: Secret] = [:]
    /// In a fallback chain, how long an accepted message may wait for its delivery receipt before the
    /// next channel is tried (`receipt_timeout`; 30 minutes for Zalo unless set, none otherwise).
    public var receiptTimeout: Duration?
    /// Tables: `headers` for webhooks, `template_params` for ZNS.
    public var tables: [String: [String: String]] = [:]
    /// Whether the route takes any text (`free_text`); false: only ``templates`` go out.
    public var freeText = true
    /// The carrier-registered texts (`[[channels.templates]]`), in config order.
    public var templates: [SMSTemplate] = []
    /// What `{commune}` holds: `[commune] name`, kept here so an adapter can fill templates.
    public var communeName = ""
    /// The most parts one SMS may take (`[limits] sms_segments`), which a template's rendering must fit.
    public var maxSegments = 10

    init(_ section: TOMLSection, index: Int, communeName: String = "", maxSegments: Int = 10) throws(ConfigError) {
        guard let name = try section.string("name"), !name.isEmpty else {
            throw section.error("name", "every channel needs a name")
        }
        guard name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw section.error("name", "'\(name)' may only use lower-case letters, digits, '-' and '_'")
        }
        guard let kindText = try section.string("kind") else { throw section.error("kind", "is missing") }
        guard let kind = ChannelKind(rawValue: kindText) else {
            let known = ChannelKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw section.error("kind", "unknown kind '\(kindText)'; expected one of \(known)")
        }
        self.name = name
        self.kind = kind
        let keys = kind.keys
        var allowed = Set(["name", "kind", "base_url", "rate", "receipt_timeout"]).union(keys.plain).union(keys.secret)
        if kind.isSMS { allowed.formUnion(["fold_diacritics", "price_per_segment", "free_text", "templates"]) }
        if kind == .webhook { allowed.formUnion(["headers", "free_text"]) }
        if kind == .zaloZNS || kind == .zaloOA { allowed.insert("template_params") }
        try section.allowOnly(allowed)

        if let url = try section.string("base_url") {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil
            else { throw section.error("base_url", "'\(url)' is not an http(s) URL") }
            baseURL = url
        }
        if let rate = try section.string("rate") {
            guard let parsed = SendRate(parsing: rate) else {
                throw section.error("rate", "'\(rate)' is not a rate like 50/s, 600/min or 1000/h")
            }
            self.rate = parsed
        }
        if kind == .zaloZNS || kind == .zaloOA { receiptTimeout = .seconds(1800) }
        if let timeout = try section.string("receipt_timeout") {
            if timeout == "none" || timeout.isEmpty {
                receiptTimeout = nil
            } else {
                do { receiptTimeout = try DurationText.parse(timeout) } catch {
                    throw section.error("receipt_timeout", "\(error)")
                }
            }
        }
        if let fold = try section.string("fold_diacritics") {
            guard let parsed = DiacriticFolding(rawValue: fold) else {
                throw section.error("fold_diacritics", "'\(fold)' is not one of auto, always, never")
            }
            foldDiacritics = parsed
        }
        if let price = try section.double("price_per_segment") {
            guard price >= 0 else { throw section.error("price_per_segment", "cannot be negative") }
            pricePerSegment = price
        }
        for key in keys.plain {
            if key == "dlr_mask", let mask = try section.int(key) {
                guard (1...31).contains(mask) else { throw section.error(key, "must be between 1 and 31") }
                settings[key] = String(mask)
            } else if let value = try section.string(key) {
                settings[key] = value
            }
        }
        for key in keys.secret {
            if let value = try section.secret(key) { secrets[key] = value }
        }
        for key in ["headers", "template_params"] where allowed.contains(key) {
            if let table = try section.stringTable(key) { tables[key] = table }
        }
        self.communeName = communeName
        self.maxSegments = maxSegments
        try checkComplete(section)
        try readTemplates(section)
    }

    /// The base URL requests go to: `base_url` or the gateway's public address.
    public var effectiveBaseURL: String? { baseURL ?? kind.defaultBaseURL }
}
