import ArgumentParser
import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaHTTP

/// `loa channels authorize NAME` (SPEC §3): seeds or replaces the OAuth pair of a Zalo channel's
/// app and OA, shared by every channel of that app (gateways.md §2, §13). The way out after a
/// refused refresh or a refresh token older than three months.
///
/// Without a code or tokens it prints the permission URL the OA admin opens. Tokens are read from
/// the environment or stdin, never from the command line, so they stay out of shell history; what
/// is printed is the expiry, never a token.
struct ChannelsAuthorize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorize", abstract: "Seed or replace a Zalo channel's stored OAuth pair.",
        discussion: """
            Without options: prints the permission URL the OA admin opens to grant Loa access.
            --code CODE: exchanges the code Zalo put in the redirect URL for a token pair.
            --refresh-token env:NAME|- (and optionally --access-token env:NAME|-): stores tokens you already have;
            with a refresh token alone, it is spent at once for a fresh pair.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "The zalo-zns or zalo-oa channel whose app and OA to authorise.")
    var name: String

    @Option(help: "The authorisation code from the redirect URL (…?code=CODE&oa_id=…).")
    var code: String?

    @Option(name: .customLong("code-verifier"), help: "The PKCE code verifier, when the permission URL carried a code_challenge.")
    var codeVerifier: String?

    @Option(name: .customLong("refresh-token"), help: "Where to read a refresh token: env:NAME or - (stdin).")
    var refreshToken: String?

    @Option(name: .customLong("access-token"), help: "Where to read an access token: env:NAME or - (stdin).")
    var accessToken: String?

    @Option(name: .customLong("expires-in"), help: "Seconds the given access token has left (default 90000, Zalo's 25 h).")
    var expiresIn: Int = 90_000

    @Option(name: .customLong("redirect-uri"), help: "The callback URL registered for the app (default: public_url + /).")
    var redirectURI: String?

    func validate() throws {
        if code != nil, refreshToken != nil || accessToken != nil {
            throw ValidationError("give either --code or tokens, not both")
        }
        if accessToken != nil, refreshToken == nil {
            throw ValidationError("--access-token needs --refresh-token: an access token alone cannot be renewed")
        }
        guard (60...10_000_000).contains(expiresIn) else { throw ValidationError("--expires-in must be between 60 and 10000000 seconds") }
    }

    func run() async throws {
        let configuration = try global.configuration()
        guard let channel = configuration.channels.first(where: { $0.name == name }) else {
            throw UserError("no channel named '\(name)' in \(configuration.source)")
        }
        guard channel.kind == .zaloZNS || channel.kind == .zaloOA else {
            throw UserError("channel \(name) is \(channel.kind.rawValue); only zalo-zns and zalo-oa channels have an OAuth pair")
        }
        let authorization = ZaloAuthorization(config: channel)
        guard !authorization.key.appID.isEmpty else { throw UserError("channel \(name) has no app_id") }
        let sharing = configuration.channels.filter {
            ($0.kind == .zaloZNS || $0.kind == .zaloOA) && ZaloAppKey(config: $0) == authorization.key
        }.map(\.name)
        if code == nil, refreshToken == nil {
            let base = configuration.server.publicURL
            let redirect = redirectURI ?? (base.hasSuffix("/") ? base : base + "/")
            Terminal.out(authorization.permissionURL(redirectURI: redirect))
            Terminal.info(
                "open this URL as the OA's admin and allow access; Zalo then opens \(redirect)?code=…&oa_id=…; "
                    + "run: loa channels authorize \(name) --code CODE (within 10 minutes)")
            return
        }
        let pair = try await obtain(authorization)
        let store = try await global.store()
        try await StoreCredentialVault(store: store).save(pair)
        try report(pair, key: authorization.key, channels: sharing)
    }

    private func obtain(_ authorization: ZaloAuthorization) async throws -> ZaloCredentials {
        let client = HTTPClient()
        defer { client.shutdown() }
        do {
            if let code {
                return try await authorization.exchange(code: code, codeVerifier: codeVerifier, over: client)
            }
            let tokens = try readTokens()
            guard let access = tokens.access else {
                return try await authorization.redeem(refreshToken: tokens.refresh, over: client)
            }
            let now = Date()
            return ZaloCredentials(
                key: authorization.key.storageKey, accessToken: access, refreshToken: tokens.refresh,
                expiresAt: now.addingTimeInterval(TimeInterval(expiresIn)), refreshedAt: now)
        } catch let error as SendError {
            throw UserError("channel \(name): \(error.message); nothing was stored")
        }
    }

    /// The tokens named by `--refresh-token`/`--access-token`: `env:NAME` or `-` for stdin (one
    /// line each, the access token first when both come from stdin).
    private func readTokens() throws -> (refresh: String, access: String?) {
        var lines: [String]?
        func read(_ source: String, _ flag: String) throws -> String {
            if source == "-" {
                if lines == nil {
                    let data = FileHandle.standardInput.readDataToEndOfFile()
                    lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }.filter { !$0.isEmpty }
                }
                guard let line = lines?.first else { throw UserError("\(flag) -: stdin holds no token") }
                lines?.removeFirst()
                return line
            }
            guard source.hasPrefix("env:"), source.count > 4 else {
                throw UserError("\(flag) takes env:NAME or - (stdin), not the token itself, so it stays out of shell history")
            }
            let variable = String(source.dropFirst(4))
            guard let value = ProcessInfo.processInfo.environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines),
                !value.isEmpty
            else { throw UserError("\(flag) \(source): environment variable \(variable) is not set") }
            return value
        }
        let access = try accessToken.map { try read($0, "--access-token") }
        let refresh = try read(refreshToken ?? "-", "--refresh-token")
        return (refresh, access)
    }

    private func report(_ pair: ZaloCredentials, key: ZaloAppKey, channels: [String]) throws {
        // §2: a refresh token lives three months from its issue.
        let refreshUntil = pair.refreshedAt.addingTimeInterval(90 * 86_400)
        switch output.format {
        case .json:
            try JSONOutput.print(
                Stored(
                    channel: name, appID: key.appID, oaID: key.oaID.isEmpty ? nil : key.oaID, channels: channels,
                    expiresAt: pair.expiresAt.ISO8601Format(), refreshTokenUntil: refreshUntil.ISO8601Format()))
        case .text, .csv:
            Terminal.out(
                "stored the OAuth pair of Zalo \(key) for \(channels.joined(separator: ", ")): access token expires "
                    + "\(pair.expiresAt.ISO8601Format()); refresh token usable until about \(refreshUntil.ISO8601Format())")
        }
    }

    struct Stored: Encodable {
        let channel: String
        let appID: String
        @NullEncoded var oaID: String?
        let channels: [String]
        let expiresAt: String
        let refreshTokenUntil: String

        enum CodingKeys: String, CodingKey {
            case channel, channels
            case appID = "app_id"
            case oaID = "oa_id"
            case expiresAt = "expires_at"
            case refreshTokenUntil = "refresh_token_until"
        }
    }
}
