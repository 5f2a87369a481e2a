import ArgumentParser
import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaServer
import LoaStore

/// `loa channels` / `loa channels list` (SPEC §3): the configured channels with kind, rate, health and the exact
/// callback URLs to register with each gateway. The URLs' secret part is masked unless
/// `--show-secrets` is given; no other secret is ever printed.
struct ChannelsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the configured channels and the callback URLs to register.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Flag(name: .customLong("show-secrets"), help: "Print the callback URLs whole, with each channel's hook secret.")
    var showSecrets = false

    struct Entry: Encodable {
        struct URLs: Encodable {
            @NullEncoded var status: String?
            @NullEncoded var inbound: String?
        }

        let name: String
        let kind: String
        @NullEncoded var rate: String?
        let health: String
        let callbackUrls: URLs
        /// Zalo channels: the one webhook URL of their app and the channels that share it.
        @NullEncoded var zaloWebhook: ZaloApp?

        enum CodingKeys: String, CodingKey {
            case name, kind, rate, health
            case callbackUrls = "callback_urls"
            case zaloWebhook = "zalo_webhook"
        }
    }

    struct ZaloApp: Encodable {
        let appID: String
        let url: String
        let channels: [String]

        enum CodingKeys: String, CodingKey {
            case url, channels
            case appID = "app_id"
        }
    }

    func run() async throws {
        let configuration = try global.configuration()
        let store = try await global.store()
        let setup = ServerSetup(store: store, configuration: configuration, adapters: [])
        var entries: [Entry] = []
        for channel in configuration.channels {
            var hooks = showSecrets ? setup.hookURLs(channel: channel.name) : setup.hookURLs(channel: channel.name)?.masked
            // Zalo takes one webhook URL per app (gateways.md §13): its channels all show that one.
            let zalo = setup.zaloWebhook(channel: channel.name)
            if let zalo { hooks = showSecrets ? zalo.urls : zalo.urls.masked }
            entries.append(
                Entry(
                    name: channel.name, kind: channel.kind.rawValue, rate: channel.rate?.description,
                    health: try await ChannelStatus.read(channel, store: store, now: Date()).line,
                    callbackUrls: .init(
                        status: hooks?.registered(for: channel.kind).status,
                        inbound: zalo != nil ? hooks?.status : hooks?.registered(for: channel.kind).inbound),
                    zaloWebhook: zalo.map { ZaloApp(appID: $0.appID, url: hooks?.status ?? "", channels: $0.channels) }))
        }
        switch output.format {
        case .json: try JSONOutput.print(entries)
        case .csv, .text:
            var listing = Listing(["name", "kind", "rate", "health", "status callback", "inbound callback"])
            for entry in entries {
                listing.append([
                    entry.name, entry.kind, entry.rate ?? "-", entry.health, entry.callbackUrls.status ?? "-",
                    entry.callbackUrls.inbound ?? "-",
                ])
            }
            Terminal.out(output.format == .csv ? listing.csv : listing.text)
            var apps: [String] = []
            for case let app? in entries.map(\.zaloWebhook) where !apps.contains(app.appID) {
                apps.append(app.appID)
                let line = "Zalo app \(app.appID): register this one webhook URL (shared by \(app.channels.joined(separator: ", ")); Zalo sends it every event of the app): \(app.url)"
                if output.format == .text { Terminal.out(line) } else { Terminal.info(line) }
            }
            if configuration.server.hookSecret == nil {
                Terminal.info("no callback URLs: set [server] hook_secret (and public_url) in \(configuration.source)")
            }
        }
    }
}
