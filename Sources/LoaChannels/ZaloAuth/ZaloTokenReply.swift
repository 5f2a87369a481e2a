import Foundation

/// The OAuth v4 token endpoint's answer (gateways.md §2): flat JSON with `access_token`,
/// `refresh_token` and `expires_in` (seconds, as a string), or an `error` from the `-14xxx` family.
struct ZaloTokenReply: Decodable, Sendable {
    var accessToken: String?
    var refreshToken: String?
    /// Seconds; observed as the string `"90000"`.
    var expiresIn: Int?
    var error: Int?
    var errorText: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ZaloKey.self)
        accessToken = container.text("access_token")
        refreshToken = container.text("refresh_token")
        // §2: a string on the wire; a number is accepted too.
        expiresIn = container.text("expires_in").flatMap { Int($0) }
        error = container.text("error").flatMap { Int($0) }
        errorText = container.text("error_description") ?? container.text("error_name") ?? container.text("message")
    }

    /// Refresh-token errors a retry cannot fix: a human must consent again (§2, §11.6).
    static let refusals: [Int: String] = [
        -14014: "refresh token invalid (already used or revoked)",
        -14020: "refresh token expired",
        -14019: "authorization code expired",
        -14005: "authorization code invalid",
        -14003: "redirect URI invalid",
    ]
}
