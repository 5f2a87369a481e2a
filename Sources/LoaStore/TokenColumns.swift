import Foundation
import LoaCore

/// How a token maps to and from its stored columns, shared by both backends.
enum TokenColumns {
    /// The token in a `tokens` row (or a row holding all its columns).
    static func token(from row: some StoredRow) throws -> TokenRecord? {
        guard let role = TokenRecord.Role(rawValue: try row.text("role")) else { return nil }
        let scopes = TextList.decode(try row.text("scopes")).compactMap { try? AudienceSelector(parsing: $0) }
        return TokenRecord(
            id: try row.integer("id"), hash: try row.text("hash"), role: role, scopes: scopes, label: try row.optionalText("label"),
            createdAt: Date(millis: try row.integer("created_at")),
            expiresAt: try row.optionalInteger("expires_at").map(Date.init(millis:)),
            revokedAt: try row.optionalInteger("revoked_at").map(Date.init(millis:)))
    }

    /// The first of `labels` that names the same holder as `label` (NFC, case-insensitive).
    static func clash(_ label: String?, among labels: [String]) -> String? {
        guard let key = label.map(Self.key) else { return nil }
        return labels.first { Self.key($0) == key }
    }

    private static func key(_ label: String) -> String { label.precomposedStringWithCanonicalMapping.lowercased() }

    static func duplicate(_ label: String, _ existing: String) -> StoreError {
        StoreError(.conflict, "label '\(label)' is already taken (by '\(existing)'); give each token holder a label of their own")
    }

    /// The audit line's detail for a new token: its scopes and expiry, never its hash.
    static func detail(_ token: TokenRecord) -> String? {
        var parts = token.scopes.map(\.description)
        if let label = token.label { parts.insert("label \(label)", at: 0) }
        if let expires = token.expiresAt { parts.append("expires " + expires.ISO8601Format()) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
