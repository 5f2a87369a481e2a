import Foundation

extension Store {
    /// The token with this hash if it works now (not revoked, not expired).
    public func token(hash: String) async throws -> TokenRecord? {
        try await token(hash: hash, at: Date())
    }
}
