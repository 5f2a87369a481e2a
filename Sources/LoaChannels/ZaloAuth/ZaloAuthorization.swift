import Foundation
import LoaConfig
import LoaHTTP

/// The OA admin's first authorisation (gateways.md §2): the permission page to open, and the
/// exchange of the code it gives for a token pair at the OAuth v4 token endpoint.
public struct ZaloAuthorization: Sendable {
    public let key: ZaloAppKey
    let appSecret: String?
    let oauthBase: String

    /// The authorisation of `config`'s app and OA.
    public init(config: ChannelConfig) {
        key = ZaloAppKey(config: config)
        appSecret = config.secrets["app_secret"]?.value.nonEmpty
        let base = config.settings["oauth_base_url"] ?? "https://oauth.zaloapp.com"
        oauthBase = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    /// `https://oauth.zaloapp.com/v4/oa/permission?app_id=…&redirect_uri=…` (§2): the OA admin opens
    /// it, consents, and lands on `redirectURI` with `code` (and `oa_id`) in the query.
    public func permissionURL(redirectURI: String, codeChallenge: String? = nil, state: String? = nil) -> String {
        var fields = [("app_id", key.appID), ("redirect_uri", redirectURI)]
        if let codeChallenge { fields.append(("code_challenge", codeChallenge)) }
        if let state { fields.append(("state", state)) }
        return oauthBase + "/v4/oa/permission?" + FormEncoding.encode(fields)
    }

    /// Exchanges an authorisation code for a pair: form `code`, `app_id`,
    /// `grant_type=authorization_code` (+ `code_verifier` with PKCE), app secret in the `secret_key`
    /// header (§2).
    public func exchange(
        code: String, codeVerifier: String?, over transport: any HTTPTransport, now: Date = Date()
    ) async throws(SendError) -> ZaloCredentials {
        var form = [("code", code), ("app_id", key.appID), ("grant_type", "authorization_code")]
        if let codeVerifier { form.append(("code_verifier", codeVerifier)) }
        return try await post(form, over: transport, now: now)
    }

    /// Spends `refreshToken` for a fresh pair (form `refresh_token`, `app_id`, `grant_type`).
    public func redeem(refreshToken: String, over transport: any HTTPTransport, now: Date = Date()) async throws(SendError) -> ZaloCredentials {
        try await post([("refresh_token", refreshToken), ("app_id", key.appID), ("grant_type", "refresh_token")], over: transport, now: now)
    }

    private func post(_ form: [(String, String)], over transport: any HTTPTransport, now: Date) async throws(SendError) -> ZaloCredentials {
        guard !key.appID.isEmpty else { throw SendError(.permanent, "the channel has no app_id") }
        guard let appSecret else { throw SendError(.permanent, "the channel has no app_secret (Zalo's token endpoint needs it)") }
        let request = HTTPRequest(
            method: .post, url: oauthBase + "/v4/oa/access_token",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "secret_key": appSecret],
            body: Array(FormEncoding.encode(form).utf8), timeout: .seconds(20))
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw SendError(.retryable, "Zalo's token endpoint could not be reached: \(error.message)")
        }
        guard (200..<300).contains(response.status),
            let reply = try? JSONDecoder().decode(ZaloTokenReply.self, from: Data(response.body))
        else { throw SendError(.retryable, "Zalo's token endpoint answered HTTP \(response.status) without its JSON") }
        guard let access = reply.accessToken, let refresh = reply.refreshToken else {
            let code = reply.error ?? 0
            let meaning = ZaloTokenReply.refusals[code] ?? "OAuth error"
            // Zalo's own text may echo what was sent; the code and meaning say enough.
            throw SendError(.permanent, "Zalo refused [\(code)] \(meaning)", gatewayCode: String(code))
        }
        // §2: trust expires_in (observed "90000" s = 25 h).
        return ZaloCredentials(
            key: key.appID.isEmpty ? "" : key.storageKey, accessToken: access, refreshToken: refresh,
            expiresAt: now.addingTimeInterval(TimeInterval(reply.expiresIn ?? 90_000)), refreshedAt: now)
    }
}
