import Foundation
import LoaHTTP

/// The refresh itself (gateways.md §2): one POST to the OAuth v4 token endpoint, then save, then use.
extension ZaloTokenKeeper {
    func performRefresh() async -> Result<Void, SendError> {
        if let pending { return await persistAndPublish(pending) }
        if refusal != nil { await loadStored() }
        guard let refreshToken = published.withLock({ $0.refreshToken }) else {
            return .failure(SendError(.fallback, "zalo channel \(channel) has no refresh token; set refresh_token"))
        }
        // Several `loa run` workers share one database: another one may have refreshed already.
        if await adoptNewerStored(than: refreshToken) { return .success(()) }
        if refreshToken == refusedToken, let refusal { return .failure(refusal) }
        guard let appSecret = appSecret?.nonEmpty else {
            return .failure(SendError(.fallback, "zalo channel \(channel) needs app_secret to refresh its token"))
        }
        guard let transport else {
            return .failure(SendError(.retryable, "zalo channel \(channel): token refresh is not connected yet"))
        }
        // §2: form fields refresh_token, app_id, grant_type; the app secret travels in a header.
        let form = FormEncoding.encode([
            ("refresh_token", refreshToken), ("app_id", appID), ("grant_type", "refresh_token"),
        ])
        let request = HTTPRequest(
            method: .post, url: tokenURL,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "secret_key": appSecret],
            body: Array(form.utf8), timeout: .seconds(20))
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            return trouble("token refresh could not reach Zalo: \(error.kind): \(error.message)")
        }
        guard (200..<300).contains(response.status) else {
            return trouble("token refresh answered HTTP \(response.status)")
        }
        guard let reply = try? JSONDecoder().decode(ZaloTokenReply.self, from: Data(response.body)) else {
            return trouble("token refresh reply is not Zalo's JSON (HTTP \(response.status))")
        }
        if let access = reply.accessToken, let renewed = reply.refreshToken {
            let issued = now()
            // §2: trust expires_in (observed "90000" s = 25 h), not older tutorials' 1 h.
            let pair = ZaloCredentials(
                key: key, accessToken: access, refreshToken: renewed,
                expiresAt: issued.addingTimeInterval(TimeInterval(reply.expiresIn ?? 90_000)), refreshedAt: issued)
            published.withLock { $0.seen.formUnion([access, renewed]) }
            return await persistAndPublish(pair)
        }
        guard let code = reply.error, code != 0 else { return trouble("token refresh reply carries no tokens") }
        return await refused(code: code, text: reply.errorText, token: refreshToken)
    }

    /// Saves `pair`, then makes it the current one. Until the save succeeds the old access token
    /// stays in use and the pair waits in `pending` (its refresh token is the only live one).
    private func persistAndPublish(_ pair: ZaloCredentials) async -> Result<Void, SendError> {
        pending = pair
        if let vault {
            do {
                try await vault.save(pair)
            } catch {
                let reason = "the new token pair could not be saved: \(redacted("\(error)"))"
                published.withLock { $0.health = .failed(reason: reason) }
                log("zalo channel \(channel): \(reason)")
                return .failure(SendError(.retryable, reason))
            }
        }
        pending = nil
        refusedToken = nil
        refusal = nil
        lastSuccess = now()
        published.withLock { state in
            state.accessToken = pair.accessToken
            state.refreshToken = pair.refreshToken
            state.expiresAt = pair.expiresAt
            state.refreshedAt = pair.refreshedAt
            state.health = .ok(expiresAt: pair.expiresAt)
        }
        log("zalo channel \(channel): access token refreshed, valid until \(pair.expiresAt.ISO8601Format())")
        return .success(())
    }

    /// Records a refusal a retry cannot fix, in memory and (best effort) in the vault.
    private func refused(code: Int, text: String?, token: String) async -> Result<Void, SendError> {
        // The refresh token may have been spent by another worker refreshing at the same moment: its
        // new pair reaches the shared store within a moment (a refusal is rare; the wait is cheap).
        if vault != nil {
            for _ in 0..<6 {
                if await adoptNewerStored(than: token) { return .success(()) }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        let meaning = ZaloTokenReply.refusals[code] ?? "OAuth error"
        let said = text.map { " (Zalo: \(redacted($0)))" } ?? ""
        let reason = "token refresh refused [\(code)] \(meaning)\(said); the OA must be authorised again (loa channels authorize \(channels.first ?? key))"
        let error = SendError(.fallback, reason, gatewayCode: String(code))
        refusedToken = token
        refusal = error
        let current = published.withLock { state in
            state.health = .failed(reason: reason)
            return state
        }
        log("zalo channel \(channel): \(reason)")
        if let vault {
            let record = ZaloCredentials(
                key: key, accessToken: current.accessToken ?? "", refreshToken: token,
                expiresAt: current.expiresAt ?? now(), refreshedAt: current.refreshedAt ?? now(), failure: reason)
            do { try await vault.save(record) } catch {
                log("zalo channel \(channel): could not record the refusal: \(redacted("\(error)"))")
            }
        }
        return .failure(error)
    }

    /// Adopts the vault's pair when it is a sound one whose refresh token is not `token` and that is
    /// newer than the pair in use; returns whether it did.
    private func adoptNewerStored(than token: String) async -> Bool {
        guard let vault, let stored = try? await vault.credentials(key: key), stored.failure == nil,
            !stored.refreshToken.isEmpty, stored.refreshToken != token,
            stored.refreshedAt > (published.withLock { $0.refreshedAt } ?? .distantPast)
        else { return false }
        adopt(stored)
        lastSuccess = now()
        log("zalo channel \(channel): adopted the token pair another worker refreshed")
        return true
    }

    /// A failure worth trying again later; the token's health is left as it was.
    private func trouble(_ reason: String) -> Result<Void, SendError> {
        log("zalo channel \(channel): \(reason)")
        return .failure(SendError(.retryable, reason))
    }

    /// `text` with every token and the app secret masked.
    func redacted(_ text: String) -> String {
        (secrets + [appSecret ?? ""]).filter { $0.count >= 4 }.reduce(text) {
            $0.replacingOccurrences(of: $1, with: "<redacted>")
        }
    }
}
