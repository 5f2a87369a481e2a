import Foundation
import LoaChannels
import LoaConfig
import LoaTesting
import Synchronization

/// A stand-in for Zalo's OAuth v4 token endpoint and OA send endpoint on a real loopback server
/// (gateways.md §2, §3.1): every refresh token works once; only the newest access token sends.
final class ZaloTokenFake: Sendable {
    struct State {
        var liveRefreshTokens: Set<String> = ["RT-0"]
        var liveAccessToken = "AT-0"
        var issued = 0
        var events: [String] = []
        var refreshForms: [[String: String]] = []
        var secretHeaders: [String] = []
        /// Answer refreshes with this `error` instead.
        var refuseWith: Int?
    }

    /// Shared with the server's handler threads.
    final class Box: Sendable {
        let mutex = Mutex(State())
        func withLock<T: Sendable>(_ body: (inout State) -> T) -> T { mutex.withLock { body(&$0) } }
    }

    let state = Box()
    let server: TestHTTPServer

    init(refreshDelay: Duration = .milliseconds(200)) throws {
        let state = self.state
        server = try TestHTTPServer { request in
            if request.path == "/v4/oa/access_token" {
                let form = Dictionary(
                    FormEncoding.decode(request.bodyText).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
                return state.withLock { state in
                    state.refreshForms.append(form)
                    state.secretHeaders.append(request.header("secret_key") ?? "")
                    state.events.append("refresh:\(form["refresh_token"] ?? "")")
                    if let code = state.refuseWith {
                        return .json(200, #"{"error":\#(code),"error_name":"Invalid refresh token","error_description":"refresh token is invalid"}"#)
                    }
                    guard let token = form["refresh_token"], state.liveRefreshTokens.remove(token) != nil else {
                        return .json(200, #"{"error":-14014,"error_description":"refresh token is invalid"}"#)
                    }
                    state.issued += 1
                    state.liveAccessToken = "AT-\(state.issued)"
                    state.liveRefreshTokens.insert("RT-\(state.issued)")
                    return .json(
                        200, #"{"access_token":"AT-\#(state.issued)","refresh_token":"RT-\#(state.issued)","expires_in":"90000"}"#
                    ).delayed(by: refreshDelay)
                }
            }
            let token = request.header("access_token") ?? ""
            return state.withLock { state in
                state.events.append("send:\(token)")
                return token == state.liveAccessToken
                    ? .json(200, #"{"error":0,"message":"Success","data":{"message_id":"m-1","user_id":"u-1"}}"#)
                    : .json(200, #"{"error":-216,"message":"Access token is invalid"}"#)
            }
        }
    }

    /// A `zalo-oa` channel pointed at this server for both the API and OAuth.
    func channel(accessToken: String? = "AT-0", refreshToken: String = "RT-0", name: String = "zalo") throws -> ChannelConfig {
        var text = """
            [[channels]]
            name = "\(name)"
            kind = "zalo-oa"
            base_url = "\(server.baseURL)"
            oauth_base_url = "\(server.baseURL)"
            app_id = "3021948576"
            secret_key = "oa-secret-KEY-91c3"
            app_secret = "app-SECRET-5b8f"
            refresh_token = "\(refreshToken)"

            """
        if let accessToken { text += "access_token = \"\(accessToken)\"\n" }
        guard let channel = try LoaConfiguration.parse(text, environment: [:]).channels.first else {
            throw ConfigError("no channel")
        }
        return channel
    }

    var events: [String] { state.withLock { $0.events } }

    /// The vault key of the fake app's pair (no `oa_id` configured).
    static let key = "zalo-app:3021948576"
}

/// A vault that records, at each save, which access token the keeper was still handing out.
actor RecordingVault: ZaloCredentialVault {
    var pairs: [String: ZaloCredentials] = [:]
    var saves: [(pair: ZaloCredentials, tokenInUse: String?)] = []
    var failNextSaves = 0
    var keeper: ZaloTokenKeeper?
    let fake: ZaloTokenFake?

    init(fake: ZaloTokenFake? = nil, stored: [ZaloCredentials] = []) {
        self.fake = fake
        for pair in stored { pairs[pair.key] = pair }
    }

    func watch(_ keeper: ZaloTokenKeeper) { self.keeper = keeper }
    func failSaves(_ count: Int) { failNextSaves = count }

    func credentials(key: String) async throws -> ZaloCredentials? { pairs[key] }

    func save(_ credentials: ZaloCredentials) async throws {
        if failNextSaves > 0 {
            failNextSaves -= 1
            throw VaultFailure()
        }
        fake?.state.withLock { $0.events.append("saved:\(credentials.accessToken)") }
        saves.append((credentials, keeper?.accessToken))
        pairs[credentials.key] = credentials
    }

    struct VaultFailure: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }
}
